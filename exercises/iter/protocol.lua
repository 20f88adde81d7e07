-- Exercises for iter.protocol: iterables, iterators, and what a for
-- loop does with them.
local ITERABLE = { "\\biterables?\\b", "\\b(?:a |the )?(?:list|string|dict|container|sequence)s?\\b" }
local ITERATOR = { "\\biterators?\\b", "\\bcursors?\\b" }

return {
  {
    id = "iter.protocol.explain",
    topic = "iter.protocol",
    level = "beginner",
    kind = "explain",
    prompt = "What is the difference between an iterable and an iterator? What does a `for` loop do with them?",
    hints = {
      "One of them can be looped over many times, the other remembers where it is.",
      "Which dunder method does each one have? What do iter() and next() call?",
      "An iterable's __iter__ returns an iterator; the iterator's __next__ returns items until StopIteration. A for loop calls iter() once, then next() repeatedly.",
    },
    solution = "An iterable is any object with __iter__, such as a list, a string or a dict: iter(x) calls it and returns an iterator. An iterator has __next__, which returns the next item or raises StopIteration when there are none left; it remembers its position, and its own __iter__ returns itself. A for loop calls iter() once on the iterable, then next() on the iterator again and again, and stops quietly when StopIteration is raised. That is why you can loop over a list many times (each loop gets a fresh iterator) but over an iterator only once.",
    why = "The machinery under every loop; confusing the two is behind most single-use bugs.",
    rubric = {
      vocab = { "iterable", "iterator", "stopiteration" },
      concepts = {
        { label = "an iterable has __iter__: it hands out an iterator", weight = 2,
          subject = ITERABLE,
          object = { "__iter__", "\\biter\\(", "\\b(?:returns?|gives?|hands? out|makes?|creates?|produces?) (?:you )?(?:an |a |new |fresh |separate |its own )*(?:iterator|cursor)s?\\b",
                     "\\bseparate (?:\\w+ )?object\\b", "\\bloop(?:ed)? over\\b", "\\bwalk(?:ed)? through\\b" } },
        { label = "an iterator has __next__: it gives the next item and remembers its position", weight = 2,
          subject = ITERATOR,
          object = { "__next__", "\\bnext\\b", "\\bposition\\b", "\\bplace\\b", "\\bwhere it (?:is|was|left off)\\b",
                     "\\bstate\\b", "\\bremembers?\\b", "\\bkeeps? track\\b", "\\bstopiteration\\b",
                     "\\bone (?:item|value|element) at a time\\b", "\\bone by one\\b" } },
        { label = "a for loop calls iter() once, then next() until StopIteration", weight = 1.5,
          match = { "\\bstopiteration\\b", "\\bcalls? `?iter\\b", "\\bcalls? `?next\\b", "\\bnext\\(\\)? (?:again|repeatedly|until|each)",
                    "\\b(?:until|till) (?:it )?(?:runs out|is exhausted|is empty|is done)\\b", "\\bruns? out\\b" } },
        { label = "a list gives a fresh iterator per loop; an iterator is single-pass", weight = 1,
          match = { "\\bfresh\\b", "\\bnew (?:iterator|cursor)\\b", "\\beach (?:new )?(?:time|loop|call)\\b", "\\bindependent\\b",
                    "\\breturns? (?:it)?self\\b", "\\bitself\\b", "\\bonce\\b", "\\bsingle[- ](?:use|pass)\\b",
                    "\\bexhausted\\b", "\\bmore than once\\b", "\\bmany times\\b", "\\bagain\\b" } },
      },
      red_flags = {
        { label = "a list (an iterable) is not itself an iterator and has no __next__", penalty = 0.6,
          subject = ITERABLE, near = 3,
          object = { "__next__", "(?<=is )(?:also )?an iterator\\b", "(?<=are )(?:also )?iterators\\b", "\\balso (?:an )?iterators?\\b",
                     "\\bthe same (?:thing|as)\\b" } },
        { label = "a for loop does not index with 0, 1, 2 until IndexError", penalty = 0.6,
          match = { "\\bindexerror\\b", "\\bindex(?:es)? (?:it )?(?:with )?0\\b" } },
      },
    },
    samples = {
      good = {
        "An iterable is anything with __iter__, like a list: iter() on it returns an iterator. An iterator has __next__, which returns the next item or raises StopIteration, and its __iter__ returns itself. A for loop calls iter() once, then next() until StopIteration, which it swallows. Because a list hands out a fresh iterator each time, you can loop over it again.",
        "A list is something you can walk through, but the list itself doesn't keep track of where you are. When you loop, Python asks the list for a separate cursor object, and that cursor hands out one element at a time and remembers its place until it runs out. Each new loop gets a new cursor, so the list can be walked again.",
        "An iterabel has __iter__ which gives an iteratr; the iterator has __next__ and raises StopIteraton at the end. A for loop calls iter once and next repeatedly.",
      },
      bad = {
        "Iterables and iterators are the same thing: a list is an iterator, and a for loop indexes it with 0, 1, 2 until IndexError.",
        "iterable, iterator, __iter__, __next__, iter(), next(), StopIteration, for loop.",
        "An iterator has __iter__ that returns a fresh iterable, and an iterable has __next__ and remembers its position.",
        "An iterable does not have __iter__, and an iterator does not have __next__ or any position.",
      },
    },
  },
  {
    id = "iter.protocol.two-iterators",
    topic = "iter.protocol",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
letters = ["a", "b", "c"]
one = iter(letters)
two = iter(letters)
print(next(one), next(one), next(two))
print(iter(one) is one, iter(letters) is letters)
print(list(one), list(two))]],
    expected = "a b a\nTrue False\n['c'] ['b', 'c']",
    hints = {
      "Does iter(letters) return the same object both times?",
      "Each iter() on a list makes a new, independent iterator; iter() on an iterator returns it unchanged.",
      "one has given a and b, two has given only a.",
    },
    why = "A list is iterable, not an iterator: every iter() call gives a separate cursor with its own position.",
    wrong = { "a b c\nTrue False\n[] []", "a b a\nTrue True\n['c'] ['b', 'c']", "a b b\nTrue False\n['c'] ['c']" },
  },
  {
    id = "iter.protocol.manual-for",
    topic = "iter.protocol",
    level = "intermediate",
    kind = "fill",
    prompt = "Complete this hand-written version of `for item in items: print(item)`.",
    code = [[
iterator = ___(items)
while True:
    try:
        item = ___(iterator)
    except ___:
        break
    print(item)]],
    blanks = {
      { "iter", patterns = { "^(?:items\\.)?__iter__$" } },
      { "next", patterns = { "^(?:iterator\\.)?__next__$" } },
      { "StopIteration" },
    },
    hints = {
      "Three steps: get an iterator, ask it for items, notice the end.",
      "Two built-in functions drive the protocol; the end is signalled by an exception.",
      "iter(items), next(iterator), except StopIteration.",
    },
    solution = "iter\nnext\nStopIteration",
    why = "Writing the loop out by hand is the quickest proof you know the protocol.",
    wrong = { "list\nnext\nStopIteration", "iter\nnext\nIndexError", "iter\nnext\nException" },
  },
  {
    id = "iter.protocol.list-not-iterator",
    topic = "iter.protocol",
    level = "beginner",
    kind = "choice",
    prompt = "`nums = [1, 2, 3]`. Which statement is true?",
    options = {
      { text = "nums is iterable but not an iterator: next(nums) raises TypeError", correct = true,
        why = "A list has __iter__ but no __next__; iter(nums) gives a list_iterator that does." },
      { text = "nums is an iterator, so next(nums) returns 1", why = "A list keeps no position; only the iterator from iter(nums) does." },
      { text = "iter(nums) returns nums itself", why = "That is true for iterators, not for lists: each call gives a new list_iterator." },
      { text = "After one for loop over nums, a second loop finds nothing", why = "Each loop calls iter() and gets a fresh iterator, so lists can be looped over again." },
    },
    hints = {
      "Which method does next() call, and does a list have it?",
      "An iterable has __iter__; an iterator also has __next__.",
    },
    solution = "nums is iterable but not an iterator: next(nums) raises TypeError",
    why = "The iterable/iterator split explains why lists are reusable and generators are not.",
  },
}
