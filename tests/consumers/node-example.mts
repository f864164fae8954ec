// The package under Node's own resolution (the "node" condition): ready on import.
import { init, prepare, validateResponse, type Response } from "maturity-matrix";
import * as api from "maturity-matrix/api";

await init();
const prepared = prepare("nhs-impact");
const checked: Response = validateResponse("nhs-impact", { formatVersion: 1, instrument: { id: "nhs-impact", version: prepared.instrument.version }, answers: {} });
const overall: number | null | undefined = api.score(prepared.instrument, checked).overall;
export { overall };
