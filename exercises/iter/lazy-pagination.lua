-- Exercises for iter.lazy-pagination: a generator that fetches pages
-- only as the consumer needs them.
return {
  {
    id = "iter.lazy-pagination.requests",
    topic = "iter.lazy-pagination",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print? Count the requests.",
    code = [[
from itertools import islice

PAGES = {1: ["a", "b"], 2: ["c", "d"], 3: ["e"]}


def fetch(page):
    print("GET", page)
    return PAGES[page], page < 3


def items():
    page = 1
    while True:
        batch, more = fetch(page)
        yield from batch
        if not more:
            return
        page += 1


print(list(islice(items(), 3)))
it = items()
print(next(it), next(it))
print(len(list(it)))]],
    expected = "GET 1\nGET 2\n['a', 'b', 'c']\nGET 1\na b\nGET 2\nGET 3\n3",
    hints = {
      "A page is fetched only when the consumer asks for an item past the current batch.",
      "islice(..., 3) needs page 2 for 'c' but never asks for a fourth item.",
      "Each items() call starts at page 1; the last line continues the same generator after 'b'.",
    },
    why = "Lazy pagination does exactly as many requests as the consumer needs; a new generator starts over.",
    wrong = {
      "GET 1\nGET 2\nGET 3\n['a', 'b', 'c']\nGET 1\na b\nGET 2\nGET 3\n3",
      "GET 1\nGET 2\n['a', 'b', 'c']\nGET 1\na b\nGET 2\nGET 3\n5",
      "GET 1\nGET 2\n['a', 'b', 'c']\na b\nGET 3\n3",
    },
  },
  {
    id = "iter.lazy-pagination.parsons",
    topic = "iter.lazy-pagination",
    level = "intermediate",
    kind = "parsons",
    prompt = "Arrange the lines into a generator that yields every user from a paginated API, page by page. `get(url)` returns a dict with `\"users\"` and `\"next\"` (None on the last page). Two lines do not belong.",
    lines = {
      "def all_users(url):",
      "    while url is not None:",
      "        data = get(url)",
      "        yield from data[\"users\"]",
      "        url = data[\"next\"]",
    },
    distractors = {
      "        yield data[\"users\"]",
      "        return data[\"users\"]",
    },
    hints = {
      "Loop while there is a page to fetch.",
      "Hand out the users one by one, then follow the link to the next page.",
      "yield would hand out each page's list as one item; yield from hands out its users.",
    },
    why = "Hiding pagination behind a generator is a standard design question for API clients.",
  },
  {
    id = "iter.lazy-pagination.early-break",
    topic = "iter.lazy-pagination",
    level = "intermediate",
    kind = "choice",
    prompt = "`for user in all_users(): if user.is_admin: break` finds the admin on page 2 of 40. What happens to pages 3 to 40?",
    options = {
      { text = "Never requested: the paused generator is simply never resumed", correct = true,
        why = "Each page is fetched only when the consumer asks for more; after break nobody asks." },
      { text = "They are fetched in the background and discarded", why = "Generators never run on their own; nothing happens without a next() call." },
      { text = "They are fetched when the generator is garbage-collected", why = "Collection closes the generator (GeneratorExit at the paused yield); it does not resume the loop." },
      { text = "They were fetched up front when all_users() was called", why = "Calling a generator function runs none of its body." },
    },
    hints = {
      "What makes a generator fetch the next page?",
      "break stops asking; a paused generator does nothing.",
    },
    solution = "Never requested: the paused generator is simply never resumed",
    why = "Laziness saves real network work, not just memory: the point of this design.",
  },
  {
    id = "iter.lazy-pagination.explain",
    topic = "iter.lazy-pagination",
    level = "intermediate",
    kind = "explain",
    prompt = "An API returns users a page at a time. How would you give the rest of the code a simple way to loop over all users, and why is a generator a good fit?",
    hints = {
      "What should a caller's loop look like? Where do page numbers or next links live?",
      "A generator can fetch a page, hand out its users one by one, then fetch the next page.",
      "Pages are fetched only when the loop needs more: a caller who breaks early never triggers the later requests.",
    },
    solution = "Write a generator, all_users(), that fetches a page, hands out its users one by one with yield from page[\"users\"], and then follows the next link (or page number) until there is none. Callers just write for user in all_users() and never see the paging, retries or rate limiting, which live in one place. Because it is lazy, the next page is requested only when the loop has used up the current one: a caller who breaks after the first match never triggers the remaining requests, and only one page is in memory at a time. Each call starts again at page 1, so keep one generator object to continue where you stopped.",
    why = "Using laziness to save real work (network requests), not just memory, is a design question for API clients.",
    rubric = {
      vocab = { "generator", "requested", "fetched", "pages" },
      concepts = {
        { label = "a generator fetches a page and yields its users one by one, then moves on", weight = 2,
          match = { "\\byield from\\b", "\\byields? (?:\\w+ ){0,3}(?:users?|items?|each|one)\\b", "\\bone (?:user|item) at a time\\b",
                    "\\bone by one\\b", "\\bhands? (?:out|over) (?:\\w+ ){0,2}(?:users?|items?)\\b" } },
        { label = "pages are requested only when needed: after an early break, never", weight = 2,
          match = { "\\bnever (?:\\w+ ){0,2}(?:requested|fetched|called|loaded|made|triggered)\\b", "\\bnever ask\\w* for\\b",
                    "\\bonly (?:when|as) (?:\\w+ ){0,4}(?:needs?|asks?|wants?|reaches?|runs? out)\\b", "\\bon demand\\b",
                    "\\blaz\\w+", "\\bbreak\\w*\\b", "\\bstops? (?:early|after)\\b", "\\bfewer (?:requests|calls)\\b",
                    "\\bno (?:extra|wasted|unnecessary) (?:requests|calls)\\b" } },
        { label = "the paging logic lives in one place; callers see a plain stream", weight = 1,
          match = { "\\bhid\\w*", "\\bencapsulat\\w*", "\\bone place\\b", "\\b(?:just|simply) (?:loops?|writes?|iterates?)\\b",
                    "\\bnever (?:has to )?(?:deals?|worr(?:y|ies)|sees?) (?:with|about)?\\b", "\\babstract\\w*", "\\bretr(?:y|ies)\\b",
                    "\\brate[- ]limit\\w*", "\\bbackoff\\b", "\\bcursors?\\b", "\\bnext (?:link|url|token)\\b" } },
        { label = "one page in memory; each call starts over; offset vs cursor paging", weight = 1,
          match = { "\\bmemory\\b", "\\bone page\\b", "\\bstarts? (?:over|again)\\b", "\\bpage 1 again\\b", "\\boffsets?\\b",
                    "\\bshift\\w*", "\\basync\\b" } },
      },
      red_flags = {
        { label = "collecting every page up front defeats the point", penalty = 0.6,
          match = { "\\b(?:collect|gather|fetch|load)\\w* (?:\\w+ ){0,2}(?:all|every) (?:the )?(?:pages?|users) (?:\\w+ ){0,3}(?:list|up front|first)\\b" } },
        { label = "a generator does nothing in the background", penalty = 0.6,
          match = { "\\bin the background\\b" } },
      },
    },
    samples = {
      good = {
        "Write a generator all_users() that fetches a page, does yield from page['items'], and follows the next link until there is none. Callers just write for user in all_users(). Pages are fetched lazily, only when the loop needs more, so if the caller breaks early the remaining pages are never requested, and only one page is in memory at a time.",
        "I'd wrap the paging in a function that hands out users one by one and only goes back to the server when it runs out of the current batch. The rest of the code just loops over it and never deals with page numbers. If someone stops after finding what they want, we simply never ask for the later pages.",
        "A generater that yields each user and requests the next page only when the loop needs it; if the caller breaks early, later pages are never requestd.",
      },
      bad = {
        "Write get_all_users() that loops over every page, collects all the users into a list up front and returns it; a generator would fetch the pages in the background anyway.",
        "generator, yield from, page, lazy, next link, break, memory.",
        "The generator does not yield users one by one, and pages are not fetched only when needed.",
      },
    },
  },
}
