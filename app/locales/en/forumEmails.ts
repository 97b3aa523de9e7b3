import type { Messages } from "../sv";

/** forumEmails: e-mail about forum activity (notifications, digests, joining). */
export const forumEmails: Messages["forumEmails"] = {
  greeting: "Hello!",
  unnamed: "Someone without a name",
  greetingName: "Hello {name}!",
  signature: "Samverkansportalen, City of Trollhättan",
  noReply: "This e-mail was sent automatically. Please do not reply to it.",
  settings: "You get this e-mail because you follow the forum or thread, or because someone mentioned you. You choose how often you get e-mail under My account:",
  mention: {
    subject: "{author} mentioned you in “{thread}”",
    body: "{author} mentioned you in the thread “{thread}” in the forum {forum}.",
  },
  reply: {
    subject: "New post in “{thread}”",
    body: "{author} wrote a new post in the thread “{thread}” in the forum {forum}.",
  },
  excerptIntro: "This is how the post begins:",
  readPost: "Read the post",
  digest: {
    subjectDaily: "New in the forums today: {count} posts",
    subjectDailyOne: "New in the forums today: 1 post",
    subjectWeekly: "New in the forums this week: {count} posts",
    subjectWeeklyOne: "New in the forums this week: 1 post",
    intro: "This is what has happened in the threads you follow since the last summary.",
    threadLine: "in the forum {forum}",
    posts: "{count} new posts",
    postsOne: "1 new post",
    by: "by {names}",
    mentioned: "You were mentioned.",
    open: "Read from the first new post",
    toForums: "Go to the forums",
  },
  joinRequest: {
    subject: "{name} wants to join “{forum}”",
    body: "{name} has asked to join the forum {forum}. You can approve or decline on the forum's members page.",
    action: "Handle requests",
  },
  joinApproved: {
    subject: "Welcome to “{forum}”",
    body: "Your request has been approved. You are now a member of the forum {forum} and can post there.",
    action: "Go to the forum",
  },
  joinDeclined: {
    subject: "About your request to join “{forum}”",
    body: "Your request to join the forum {forum} has not been approved. Feel free to contact the forum's moderators if you have questions.",
    action: "Go to the forum",
  },
  added: {
    subject: "You are now a member of “{forum}”",
    body: "A moderator has added you to the forum {forum}. You can now read and post there.",
    action: "Go to the forum",
  },
};
