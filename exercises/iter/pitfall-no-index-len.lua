-- Exercises for iter.pitfall-no-index-len: no [], slicing or len() on a
-- generator; the islice/next workarounds consume.
return {
  {
    id = "iter.pitfall-no-index-len.islice-consumes",
    topic = "iter.pitfall-no-index-len",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import islice

g = (c for c in "python")
print(next(islice(g, 2, None)))
print("".join(islice(g, 2)))
print(next(g, "?"), next(g, "?"))
try:
    print(len(g))
except TypeError as err:
    print(err)]],
    expected = "t\nho\nn ?\nobject of type 'generator' has no len()",
    hints = {
      "islice(g, 2, None) skips two items, and skipping consumes them.",
      "Every later call starts where the previous one stopped.",
      "After t, h and o, only n is left.",
    },
    why = "The islice/next idioms read forward from the current position and use up what they pass.",
    wrong = {
      "t\nth\nh o\nobject of type 'generator' has no len()",
      "t\nho\nn ?\n0",
      "t\npy\nt h\nobject of type 'generator' has no len()",
    },
  },
  {
    id = "iter.pitfall-no-index-len.nth",
    topic = "iter.pitfall-no-index-len",
    level = "beginner",
    kind = "choice",
    prompt = "`gen` is a fresh generator. Which expression gives its fifth item (index 4), or `None` if it has fewer than five?",
    options = {
      { text = "next(islice(gen, 4, None), None)", correct = true,
        why = "islice skips four items lazily; next with a default handles a short generator." },
      { text = "gen[4]", why = "Generators are not subscriptable: TypeError." },
      { text = "list(gen)[4]", why = "Works for long inputs but builds the whole list and raises IndexError when it is short." },
      { text = "next(islice(gen, 5, None), None)", why = "Off by one: that skips five items and returns index 5." },
    },
    hints = {
      "A generator cannot jump: it must step over the first items.",
      "islice with a start skips lazily; next with a default avoids StopIteration.",
    },
    solution = "next(islice(gen, 4, None), None)",
    why = "The standard idiom for \"n-th item of an iterator\" comes up in live coding.",
  },
  {
    id = "iter.pitfall-no-index-len.api-change",
    topic = "iter.pitfall-no-index-len",
    level = "intermediate",
    kind = "bug",
    prompt = "`active_users` used to return a list. After a change \"to save memory\", the report raises `TypeError: object of type 'generator' has no len()`. Which line must change so that this caller, and every other existing caller, works again?",
    code = [[
def active_users(users):
    return (u for u in users if u["active"])


users = [{"name": "ana", "active": True}, {"name": "bo", "active": False}]
found = active_users(users)
print(len(found), "active; first:", found[0]["name"])]],
    buggy = 2,
    hints = {
      "What does the caller need that a generator cannot give?",
      "len() and [0] need a sequence; the function's return type is part of its contract.",
      "Return a list again: [u for u in users if u[\"active\"]].",
    },
    solution = "Line 2: the function now returns a generator, which has no len() and cannot be indexed. Switching a return value from list to generator is an API change; return a list comprehension (or give the lazy version a new name).",
    why = "Changing a function from list to generator silently breaks callers; interviewers like this design angle.",
    wrong = { "7", "6", "5" },
  },
}
