/** forumEmails: e-mail about forum activity (notifications, digests, joining). Plain, friendly Swedish. */
export const forumEmails = {
  greeting: "Hej!",
  unnamed: "Någon utan namn",
  greetingName: "Hej {name}!",
  signature: "Samverkansportalen, Trollhättans Stad",
  noReply: "Det här mejlet skickades automatiskt. Svara inte på det.",
  settings: "Du får det här mejlet för att du följer forumet eller tråden, eller för att någon nämnde dig. Du väljer själv hur ofta du får mejl under Mitt konto:",
  mention: {
    subject: "{author} nämnde dig i ”{thread}”",
    body: "{author} nämnde dig i tråden ”{thread}” i forumet {forum}.",
  },
  reply: {
    subject: "Nytt inlägg i ”{thread}”",
    body: "{author} har skrivit ett nytt inlägg i tråden ”{thread}” i forumet {forum}.",
  },
  excerptIntro: "Så här börjar inlägget:",
  readPost: "Läs inlägget",
  digest: {
    subjectDaily: "Nytt i forumen i dag: {count} inlägg",
    subjectDailyOne: "Nytt i forumen i dag: 1 inlägg",
    subjectWeekly: "Nytt i forumen den här veckan: {count} inlägg",
    subjectWeeklyOne: "Nytt i forumen den här veckan: 1 inlägg",
    intro: "Här är det som har hänt i trådarna du följer sedan förra sammanfattningen.",
    threadLine: "i forumet {forum}",
    posts: "{count} nya inlägg",
    postsOne: "1 nytt inlägg",
    by: "av {names}",
    mentioned: "Du blev nämnd.",
    open: "Läs från första nya inlägget",
    toForums: "Till forumen",
  },
  joinRequest: {
    subject: "{name} vill gå med i ”{forum}”",
    body: "{name} har bett om att få gå med i forumet {forum}. Du kan godkänna eller tacka nej på forumets medlemssida.",
    action: "Hantera förfrågningar",
  },
  joinApproved: {
    subject: "Välkommen till ”{forum}”",
    body: "Din förfrågan är godkänd. Nu är du medlem i forumet {forum} och kan skriva där.",
    action: "Gå till forumet",
  },
  joinDeclined: {
    subject: "Svar på din förfrågan om ”{forum}”",
    body: "Din förfrågan om att gå med i forumet {forum} har inte godkänts. Hör gärna av dig till forumets moderatorer om du har frågor.",
    action: "Gå till forumet",
  },
  added: {
    subject: "Du är nu medlem i ”{forum}”",
    body: "En moderator har lagt till dig i forumet {forum}. Nu kan du läsa och skriva där.",
    action: "Gå till forumet",
  },
};
