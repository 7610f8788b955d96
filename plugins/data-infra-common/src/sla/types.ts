/** What an availability target allows per window. @public */
export interface ErrorBudget {
  availability: number;
  /** The window as written ('30d') and in milliseconds. */
  window: string;
  windowMs: number;
  /** Allowed unavailability in the window, milliseconds (99.9 % of 30 d = 43.2 min). */
  allowedDowntimeMs: number;
}
