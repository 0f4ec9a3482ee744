// Starts GOV.UK Frontend's components (accordion, character count, error
// summary focus, service navigation toggle). Everything works without it.
import { initAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

initAll();
