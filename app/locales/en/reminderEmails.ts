import type { Messages } from "../sv";

/** reminderEmails: the reminder about an unsubmitted follow-up report (npm run reminders). */
export const reminderEmails: Messages["reminderEmails"] = {
  subjectDue: "Reminder: the report for {period} is due on {due}",
  subjectDueToday: "Reminder: the report for {period} is due today",
  subjectOverdue: "The report for {period} is overdue",
  due: "The follow-up report of {org} for {period} is due on {due}.",
  daysLeft: "There are {days} days left.",
  oneDayLeft: "There is one day left.",
  dueToday: "Today is the last day.",
  overdue: "The follow-up report of {org} for {period} was due on {due}.",
  overdueDays: "The report is {days} days late.",
  overdueOneDay: "The report is one day late.",
  missing: "You have not started the report yet.",
  draft: "There is a draft that has not been submitted.",
  returned: "The coordinator returned the report for completion; it needs to be submitted again.",
  admins: "The organisation's administrators submit the report.",
  overdueHelp: "Please submit it as soon as you can. If you need more time, contact the coordinator at Trollhättan Municipality.",
  action: "Go to the reports",
  why: "You receive this e-mail because you are an administrator of {org} in Samverkansportalen or the organisation's contact address.",
};
