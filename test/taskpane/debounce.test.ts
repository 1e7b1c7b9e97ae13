import { debounce } from "../../src/taskpane/debounce";

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("debounce", () => {
  it("calls once, with the last arguments, when calls stop for the delay", () => {
    const fn = jest.fn();
    const d = debounce(fn, 500);
    d(1);
    jest.advanceTimersByTime(300);
    d(2);
    jest.advanceTimersByTime(300);
    d(3);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(499);
    expect(fn).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(3);
    jest.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("calls again for a later burst", () => {
    const fn = jest.fn();
    const d = debounce(fn, 100);
    d();
    jest.advanceTimersByTime(100);
    d();
    jest.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("cancel drops the pending call; the next call starts afresh", () => {
    const fn = jest.fn();
    const d = debounce(fn, 100);
    d("a");
    d.cancel();
    jest.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
    d("b");
    jest.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledWith("b");
    d.cancel();
  });

  it("flush makes the pending call now, and only once", () => {
    const fn = jest.fn();
    const d = debounce(fn, 100);
    d.flush();
    expect(fn).not.toHaveBeenCalled();
    d("x");
    d.flush();
    expect(fn).toHaveBeenCalledWith("x");
    jest.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
