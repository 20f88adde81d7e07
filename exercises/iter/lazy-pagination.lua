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
}
