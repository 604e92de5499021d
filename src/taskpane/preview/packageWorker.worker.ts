/**
 * The preview's package worker (startPackageWorker.ts starts it): the page's requests, handled by
 * servePackage, one after the other as they come.
 */
import type { WorkerRequest } from "./packageWorkerProtocol";
import { servePackage } from "./packageWorkerHandler";

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};
const handle = servePackage((reply, transfer = []) => scope.postMessage(reply, transfer));
scope.onmessage = (event) => void handle(event.data);
