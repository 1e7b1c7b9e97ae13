/**
 * What jsdom lacks and every browser the pane runs in has. Imported by the pane's jsdom tests
 * before they render.
 */

import { TextDecoder } from "node:util";
import { deserialize, serialize } from "node:v8";

// Fluent's MessageBar uses a ResizeObserver to reflow long messages.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// The .xlsx reader decodes text with TextDecoder.
globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;

// Web mode reads the chosen file with Blob.arrayBuffer.
Blob.prototype.arrayBuffer ??= function (this: Blob) {
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(this);
  });
};

// The in-memory test workbook copies snapshots with structuredClone.
globalThis.structuredClone ??= (<T>(v: T): T => deserialize(serialize(v)) as T) as typeof structuredClone;
