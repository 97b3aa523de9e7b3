import type { Messages } from "../sv";

export const forumSearch: Messages["forumSearch"] = {
  title: "Search the forums",
  intro: "Find posts and threads in the forums you can read. You can search for several words, a phrase in quotation marks, or leave a word out with a minus sign in front of it.",
  label: "Search the forums",
  hint: "For example: summer jobs, \"safety walk Kronogården\" or holiday -sportlov.",
  submit: "Search",
  tooLong: "A search can be at most {max} characters long. Please shorten it and try again.",
  resultCount: "{count} results",
  resultCountOne: "1 result",
  resultsFor: "Results for “{q}”",
  caption: "Search results, page {page} of {pages}",
  noResults: "No posts matched “{q}”. Try another or shorter word, check the spelling or search for fewer words at once.",
  pageEmpty: "There are no more results on this page.",
  firstPage: "To the first page of results",
  inForum: "in {forum}",
  by: "Written by {author}",
  unnamed: "No name",
  paginationLabel: "Pages of search results",
  backToForums: "All forums",
};
