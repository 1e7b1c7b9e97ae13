/** Task-pane entry: find out whether we run in Excel or a plain browser, then render the pane. */

import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectMode } from "./office";

const root = createRoot(document.getElementById("root")!);
detectMode().then((mode) => root.render(<App mode={mode} />));
