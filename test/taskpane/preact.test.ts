/**
 * The pane's tests render with what ships: Preact's compatibility layer, under React's names
 * (scripts/preact-for-react.js, docs/adr/0020), in the built pane and here alike.
 */
import { createElement, useId } from "react";
import { createPortal } from "react-dom";
import { createRoot } from "react-dom/client";
import * as compat from "preact/compat";
import * as compatClient from "preact/compat/client";

describe("the pane's renderer", () => {
  it("is Preact's compatibility layer wherever the code asks for React or React DOM", () => {
    expect(createElement).toBe(compat.createElement);
    expect(useId).toBe(compat.useId);
    expect(createPortal).toBe(compat.createPortal);
    expect(createRoot).toBe(compatClient.createRoot);
  });
});
