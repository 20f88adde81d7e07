-- Exercises for iter.itertools-slicing-grouping: chain, islice,
-- takewhile/dropwhile and groupby's consecutive runs.
return {
  {
    id = "iter.itertools-slicing-grouping.explain-groupby",
    topic = "iter.itertools-slicing-grouping",
    level = "intermediate",
    kind = "explain",
    prompt = "`for day, recs in groupby(records, key=lambda r: r.day)` reports the same day several times. Explain what `groupby` actually does, and how to get exactly one group per day.",
    hints = {
      "groupby reads the input once, in order. When does it start a new group?",
      "It groups only consecutive items with equal keys, like Unix uniq.",
      "Sort by the same key first (or use a dict of lists); consume each group before moving on.",
    },
    solution = "groupby makes one group per run of consecutive items with equal keys, like Unix uniq: it starts a new group every time the key changes from the previous item. The records were not ordered by day, so a day that appears in several separate runs is reported several times. Sort by the same key first, sorted(records, key=lambda r: r.day), then group; or collect into a dict of lists when sorting is not possible. Also, the groups share the underlying iterator, so turn each group into a list inside the loop before moving on.",
    why = "groupby's consecutive-run behaviour is the itertools trap interviewers like most.",
    rubric = {
      vocab = { "consecutive", "adjacent", "sorted", "groupby" },
      concepts = {
        { label = "groupby groups only consecutive items with equal keys", weight = 2,
          match = { "\\bconsecutive\\b", "\\badjacent\\b", "\\bruns? of\\b", "\\bnext to each other\\b", "\\bin a row\\b",
                    "\\bside by side\\b", "\\bneighbou?r\\w*", "\\bback[- ]to[- ]back\\b", "\\buniq\\b",
                    "\\b(?:whenever|each time|every time|when|as soon as) (?:the )?(?:\\w+ ){1,2}(?:changes|differs)\\b",
                    "\\bdiffers? from the previous\\b", "\\bprevious (?:one|item|record|element)\\b" } },
        { label = "so sort by the same key first", weight = 2,
          match = { "\\bsort\\w*", "\\b(?:in|into) (?:\\w+ )?order\\b(?! to)", "\\bordered by\\b" } },
        { label = "same key for sorting and grouping, or a dict of lists instead", weight = 1,
          match = { "\\bsame key\\b", "\\bkey=", "\\bsame (?:key )?function\\b", "\\bdefaultdict\\b", "\\bdict of lists\\b",
                    "\\bdictionary\\b", "\\bsetdefault\\b" } },
        { label = "groups share the underlying iterator: consume each before moving on", weight = 1,
          match = { "\\bshares?\\b", "\\bunderlying\\b", "\\bbefore (?:moving|advancing|going) on\\b", "\\bempty groups?\\b",
                    "\\bone pass\\b", "\\bonce\\b", "\\bstream\\w*", "\\blaz\\w+" } },
      },
      red_flags = {
        { label = "groupby does not sort or merge equal keys from anywhere in the input", penalty = 0.6,
          match = { "\\bsorts? (?:\\w+ ){0,2}(?:for you|itself|internally|automatically)\\b", "\\bno matter where\\b",
                    "\\banywhere in\\b", "\\bregardless of (?:the )?(?:order|position)\\b", "\\blike (?:sql(?:'s)? )?group by\\b",
                    "\\bmerges? all\\b" } },
        { label = "sorting comes before grouping, not after", penalty = 0.6,
          match = { "\\bsort\\w* (?:\\w+ ){0,3}after (?:the )?group\\w*\\b", "\\bgroup\\w* first\\b",
                    "\\bgroup\\w* (?:\\w+ ){0,3}(?:and )?then sort\\w*\\b" } },
      },
    },
    samples = {
      good = {
        "groupby only groups consecutive items whose key is equal, like uniq: it starts a new group each time the key changes. The records weren't ordered by day, so the same day came back as several runs. Sort by the same key first, or use a dict of lists if you cannot sort. Also consume each group before moving on, because the groups share one iterator.",
        "It walks the data once and starts a new bucket whenever the day differs from the previous record, so two Mondays with a Tuesday between them end up in separate buckets. Put the records in day order first and every day comes out exactly once.",
        "groupby only groups consectuive items with equal keys, so you must sort the data by the same key first.",
      },
      bad = {
        "groupby works like SQL GROUP BY: it collects every record with the same key no matter where it appears, so the duplicates mean the lambda is wrong.",
        "groupby, consecutive, sort, key, runs, itertools, dict.",
        "You should group first and then sort the groups, because groupby merges all equal keys anyway.",
        "groupby is not limited to consecutive items, and there is no need to sort the records first.",
      },
    },
  },
  {
    id = "iter.itertools-slicing-grouping.runs",
    topic = "iter.itertools-slicing-grouping",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import dropwhile, groupby, takewhile

codes = [200, 200, 404, 200, 500, 500]
print([(k, len(list(g))) for k, g in groupby(codes)])
print(list(takewhile(lambda c: c < 400, codes)))
print(list(dropwhile(lambda c: c < 400, codes)))]],
    expected = "[(200, 2), (404, 1), (200, 1), (500, 2)]\n[200, 200]\n[404, 200, 500, 500]",
    hints = {
      "groupby starts a new group whenever the key changes.",
      "takewhile stops for good at the first failing item; dropwhile skips only the leading run.",
      "The 200 after 404 is its own group, is not taken by takewhile, and is kept by dropwhile.",
    },
    why = "Consecutive-run grouping and prefix semantics are where itertools surprises people.",
    wrong = {
      "[(200, 3), (404, 1), (500, 2)]\n[200, 200, 200]\n[404, 500, 500]",
      "[(200, 2), (404, 1), (200, 1), (500, 2)]\n[200, 200, 200]\n[404, 500, 500]",
      "[(200, 3), (404, 1), (500, 2)]\n[200, 200]\n[404, 200, 500, 500]",
    },
  },
  {
    id = "iter.itertools-slicing-grouping.stored-groups",
    topic = "iter.itertools-slicing-grouping",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
from itertools import groupby

pairs = list(groupby("aabbb"))
print([(k, list(g)) for k, g in pairs])
print([(k, list(g)) for k, g in groupby("aabbb")])]],
    expected = "[('a', []), ('b', [])]\n[('a', ['a', 'a']), ('b', ['b', 'b', 'b'])]",
    hints = {
      "Each group is a view onto the one iterator that groupby reads.",
      "list(groupby(...)) advances past every group before any of them is read.",
    },
    why = "Groups share the underlying iterator: consume each one inside the loop.",
    wrong = { "[('a', ['a', 'a']), ('b', ['b', 'b', 'b'])]\n[('a', ['a', 'a']), ('b', ['b', 'b', 'b'])]",
              "[('a', []), ('b', ['b', 'b', 'b'])]\n[('a', ['a', 'a']), ('b', ['b', 'b', 'b'])]" },
  },
  {
    id = "iter.itertools-slicing-grouping.islice",
    topic = "iter.itertools-slicing-grouping",
    level = "beginner",
    kind = "fill",
    prompt = "`rows` is a generator. Fill in the call that gives items 10 to 19 (what `rows[10:20]` would be for a list), lazily.",
    code = [[
from itertools import islice

page = ___]],
    blanks = {
      { "islice(rows, 10, 20)", patterns = { "^islice\\(\\s*rows\\s*,\\s*10\\s*,\\s*20\\s*(?:,\\s*(?:1|None)\\s*)?\\)$" } },
    },
    hints = {
      "Generators cannot be sliced with [], but itertools has a lazy slice.",
      "islice takes the iterator, then start and stop, like a slice.",
    },
    solution = "islice(rows, 10, 20)",
    why = "islice is the lazy substitute for slicing; remember it consumes what it skips.",
    wrong = { "rows[10:20]", "islice(rows, 10, 19)", "islice(rows, 10)" },
  },
}
