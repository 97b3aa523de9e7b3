import type { Messages } from "../sv";

export const errors: Messages["errors"] = {
  forbiddenTitle: "You do not have access to this page",
  forbiddenBody: "This page is not open to your role. If you need it, contact the coordinators.",
  notFoundTitle: "Page not found",
  notFoundBody: "Check the address or go to the start page.",
  unavailableTitle: "The service is temporarily unavailable",
  unavailableBody: "We cannot reach the database right now. Please try again shortly – what you have saved is kept.",
  errorTitle: "Something went wrong",
  errorBody: "The page could not be shown. Please try again shortly.",
  toStart: "To the start page",
};
