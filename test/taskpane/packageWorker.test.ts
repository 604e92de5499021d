/**
 * The preview's package worker (src/taskpane/preview/packageWorkerHandler.ts) and the page's side
 * of it (workerWorkbook.ts), joined in one process as postMessage joins them: every message
 * structured-cloned (a function or a class's instance would not cross) and delivered in a task of
 * its own. The worker must do what the page did on its own thread: the same report, the same
 * workbook written, the same sentence for a file it cannot open.
 */
import { runScorecard } from "../../src/app/scorecard";
import * as scoring from "../../src/app/scoring";
import { readWorkbookState, scoreWorkbook, type Scored } from "../../src/app/scoring";
import { openPreviewWorkbook } from "../../src/taskpane/preview/openPreviewWorkbook";
import { servePackage } from "../../src/taskpane/preview/packageWorkerHandler";
import type { SentSnapshot, WorkerReply } from "../../src/taskpane/preview/packageWorkerProtocol";
import { WorkerWorkbook, type WorkerChannel } from "../../src/taskpane/preview/workerWorkbook";
import { openBrowserPackage } from "../../src/workbook/package/browserPackage";
import { sampleWorkbookBytes } from "../../src/workbook/xlsx/sampleBytes";

/** The worker's handler behind a channel, as a Worker is; `replies` keeps what it sent. */
function inProcessWorker(): WorkerChannel & { readonly replies: WorkerReply[] } {
  const replies: WorkerReply[] = [];
  const channel: WorkerChannel & { readonly replies: WorkerReply[] } = {
    replies,
    onmessage: null,
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer });
      setTimeout(() => void handle(copy));
    },
  };
  const handle = servePackage((reply, transfer = []) => {
    const copy = structuredClone(reply, { transfer });
    replies.push(copy);
    setTimeout(() => channel.onmessage?.({ data: copy }));
  });
  return channel;
}

const NOW = new Date("2026-12-07T10:00:00Z");

async function openInWorker(bytes: Uint8Array, channel = inProcessWorker()) {
  const opened = await WorkerWorkbook.open(channel, bytes, "sample.xlsx");
  if (!("port" in opened)) throw new Error(opened.failure);
  return opened.port;
}

describe("the preview's package worker", () => {
  it("refreshes as the page's own thread does: the same report, steps and workbook written", async () => {
    const bytes = await sampleWorkbookBytes();
    const local = await openBrowserPackage(bytes.slice());
    const expected = await runScorecard(local, { now: NOW }, true);
    if (!expected.ok) throw new Error(expected.fatal.message);

    const channel = inProcessWorker();
    const port = await openInWorker(bytes.slice(), channel);
    // Read first, as the preview does on opening a file.
    expect(await port.readSnapshot()).toStrictEqual(await (await openBrowserPackage(bytes)).readSnapshot());
    const steps: [string, boolean][] = [];
    const outcome = await port.refreshScorecard({ now: NOW }, (step, scored) => {
      steps.push([step, scored !== undefined]);
    });

    if (!outcome.ok) throw new Error(outcome.fatal.message);
    expect(outcome.report).toStrictEqual(expected.report);
    expect(outcome.hasErrors).toBe(expected.hasErrors);
    // No model crosses (a row's observation makes its cells' addresses when asked, which a copy
    // would lose): the page scores the reading that follows, and is told each step meanwhile.
    expect(outcome.model).toBeUndefined();
    expect(steps).toEqual([
      ["reading", false],
      ["scoring", false],
      ["writing", false],
      ["done", false],
    ]);
    // Read again after the write: what the page's own refresh wrote, the data's sheet sent
    // without its cells, which the page holds from the first reading.
    expect(await port.readSnapshot()).toStrictEqual(await local.readSnapshot());
    const sent = channel.replies.at(-1);
    expect(sent?.kind === "done" && (sent.value as SentSnapshot).sheets).toContainEqual(
      expect.objectContaining({ name: "KPI Data", cellsOf: expect.any(Number) }),
    );
  });

  it("shows a scoring the page holds at once, and gives it back with the refresh's report", async () => {
    const port = await openInWorker(await sampleWorkbookBytes());
    const first = await port.refreshScorecard({ now: NOW }, () => undefined);
    if (!first.ok) throw new Error(first.fatal.message);
    // The page's reading after the write, and its scoring under the definition the write stored.
    const state = await readWorkbookState(port);
    if ("code" in state || !state.stored) throw new Error("no stored definition after the refresh");
    const held = scoreWorkbook(state, state.stored, { now: NOW }) as Scored;

    const told: [string, Scored | undefined][] = [];
    const outcome = await port.refreshScorecard(
      { now: NOW },
      (step, scored) => {
        told.push([step, scored]);
      },
      { snapshot: state.snapshot, definition: state.stored, scoring: held },
    );

    expect(told).toEqual([
      ["writing", held],
      ["done", undefined],
    ]);
    expect(told[0]![1]).toBe(held);
    if (!outcome.ok) throw new Error(outcome.fatal.message);
    // The page's model and result, with the report of the worker's refresh.
    expect(outcome.model).toBe(held.model);
    expect(outcome.report).toEqual(held.report);
  });

  it("scores the reading it sends while the page draws it, and refreshes it without scoring again", async () => {
    const bytes = await sampleWorkbookBytes();
    const local = await openBrowserPackage(bytes.slice());
    await runScorecard(local, {}, true);
    const expected = await runScorecard(local, {}, true);
    const port = await openInWorker(bytes.slice());
    await port.refreshScorecard({}, () => undefined);
    const scorings = jest.spyOn(scoring, "scoreWorkbook");
    await readWorkbookState(port);
    // The worker scores the reading it sent, unasked; the refresh that follows scores nothing.
    for (let waited = 0; scorings.mock.calls.length === 0 && waited < 20000; waited += 10)
      await new Promise((resume) => setTimeout(resume, 10));
    expect(scorings).toHaveBeenCalledTimes(1);
    scorings.mockClear();
    const outcome = await port.refreshScorecard({}, () => undefined);
    expect(scorings).not.toHaveBeenCalled();
    scorings.mockRestore();
    // The page's own thread, refreshing twice, reports the same (the write's time aside).
    expect(outcome).toMatchObject({ ok: true, report: expected.ok ? expected.report : null });
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["an .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)])],
    ["bytes that are no ZIP", new TextEncoder().encode("Period,KPI,Actual\n2026-01,Revenue,3\n")],
  ])("says of %s what the page's own thread says", async (_, bytes) => {
    const onThisThread = await openPreviewWorkbook(bytes.slice(), "book.xlsx");
    expect(onThisThread).toMatchObject({
      failure: expect.stringMatching(/^book\.xlsx could not be opened: /),
    });
    expect(await WorkerWorkbook.open(inProcessWorker(), bytes.slice(), "book.xlsx")).toEqual(onThisThread);
  });
});
