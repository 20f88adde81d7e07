-- Exercises for core.shallow-vs-deep-copy.
return {
  {
    id = "core.shallow-vs-deep-copy.grid",
    topic = "core.shallow-vs-deep-copy",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [==[
import copy

grid = [[0, 0], [0, 0]]
shallow = grid[:]
deep = copy.deepcopy(grid)
shallow[0][0] = 1
deep[1][1] = 2
shallow.append([9])
print(grid)
print(len(grid), len(shallow))]==],
    expected = "[[1, 0], [0, 0]]\n2 3",
    accept = { "\\[\\[1,\\s*0\\],\\s*\\[0,\\s*0\\]\\]\\n2\\s+3" },
    hints = {
      "Which objects does `grid[:]` copy, and which does it share?",
      "A slice copies the outer list only; the rows are shared with grid.",
      "Changing a shared row shows in grid; appending to the new outer list does not.",
    },
    solution = "[[1, 0], [0, 0]]\n2 3",
    why = "Shallow copies share nested objects: a common source of action-at-a-distance bugs.",
    wrong = { "[[0, 0], [0, 0]]\n2 3", "[[1, 0], [0, 2]]\n3 3" },
  },
  {
    id = "core.shallow-vs-deep-copy.fill",
    topic = "core.shallow-vs-deep-copy",
    level = "intermediate",
    kind = "fill",
    prompt = "Make `backup` a copy of `settings` that later changes to the nested lists cannot affect.",
    code = [==[
import copy

settings = {"paths": ["/tmp"], "retries": [1, 2]}
backup = copy.___(settings)
settings["paths"].append("/var")
print(backup["paths"])   # ['/tmp']]==],
    blanks = { { "deepcopy" } },
    hints = {
      "`copy.copy` would share the lists inside the dict.",
      "You need the copy that recurses into nested objects.",
    },
    solution = "deepcopy",
    why = "Knowing when a shallow copy is not enough.",
    wrong = { "copy", "deep_copy" },
  },
  {
    id = "core.shallow-vs-deep-copy.explain",
    followup = "core.shallow-vs-deep-copy.followup-cycle",
    topic = "core.shallow-vs-deep-copy",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the difference between a shallow copy and a deep copy? When is a shallow copy enough?\"",
    hints = {
      "Copy a list of lists: which objects are new, and which are the same as before?",
      "A shallow copy makes a new outer container whose items are the same objects; a deep copy recursively copies the items too.",
      "copy.copy, [:], list(x) and x.copy() are shallow; copy.deepcopy is deep. Shallow is fine when the items are immutable.",
    },
    solution = "A shallow copy creates a new outer container but fills it with references to the same inner objects: copy.copy(x), x[:], list(x) and x.copy() all do this. So with a list of lists, appending to the copy does not affect the original, but changing one of the inner lists shows up in both. A deep copy, copy.deepcopy(x), copies recursively, building new inner objects all the way down, so the result is fully independent; it also handles reference cycles, at the cost of more time and memory. A shallow copy is enough when the items are immutable, such as numbers, strings or tuples of them.",
    why = "Shared nested state is a classic source of action-at-a-distance bugs.",
    rubric = {
      concepts = {
        { label = "shallow: a new outer container sharing the same inner objects", weight = 2.5,
          match = { [[\b(?:things|items|objects|elements) inside (?:it |them )?are the (?:very )?same\b]], [[\bvery same objects\b]] },
          subject = { [[\bshallow\b]] },
          object = { [[\bshar\w*]], [[\bsame (?:inner|nested|underlying|element|item)\w*]], [[\breferences?\b]], [[\bonly the (?:outer|top)\b]],
                     [[\bone level\b]], [[\btop[- ]level\b]], [[\bouter\b]] } },
        { label = "deep: copies everything recursively, fully independent", weight = 2,
          subject = { [[\bdeep\b]], [[\bdeepcopy\b]] },
          object = { [[\brecursiv\w*]], [[\beverything\b]], [[\ball (?:levels|the way down)\b]], [[\bindependent\b]], [[\bnested\b]],
                     [[\bwhole (?:structure|thing|tree)\b]], [[\bfully\b]], [[\binner (?:objects|lists|items)\b]] } },
        { label = "how: copy.copy, [:], list(), .copy() vs copy.deepcopy", weight = 1,
          match = { [[\bcopy\.copy\b]], [=[\[:\]]=], [[\blist\(]], [[\.copy\(\)]], [[\bcopy\.deepcopy\b]], [[\bslic\w*]] } },
        { label = "consequences: nested changes show in both; shallow is fine for immutable items", weight = 1,
          match = { [[\bimmutable\b]], [[\bcycl\w*]], [[\bslower\b]], [[\bexpensive\b]], [[\bshows? up\b]], [[\baffects?\b]], [[\bvisible\b]],
                    [[\bin both\b]] } },
      },
      red_flags = {
        { label = "swapped: the shallow copy is the one that shares inner objects", penalty = 0.6,
          subject = { [[\bshallow\b]] },
          object = { [[\brecursiv\w*]], [[\beverything\b]], [[\bfully independent\b]] } },
        { label = "swapped: a deep copy does not share inner objects", penalty = 0.6,
          subject = { [[\bdeep\b]], [[\bdeepcopy\b]] },
          object = { [[\bshar\w*]] } },
        { label = "assignment never copies", penalty = 0.6,
          match = { [[\bassignment (?:makes|creates|is) a (?:shallow )?copy\b]] } },
      },
    },
    samples = {
      good = {
        "A shallow copy makes a new outer container but shares the inner objects, so changing a nested list shows up in both. A deep copy copies everything recursively, so the result is fully independent. copy.copy, [:] and list() are shallow; copy.deepcopy is deep. Shallow is enough when the items are immutable.",
        "With the shallow kind you get a new list, but the things inside it are the very same objects as in the old one, so editing an inner list affects both. The deep kind rebuilds every nested piece, so nothing is connected anymore. If the items can't change anyway, like numbers or strings, the shallow one is all you need.",
        "shallow = only the top level is copied and the inner objects are shared; deep = recursive copy of the nested objects as well (copy.deepcopy), slower but independent.",
      },
      bad = {
        "A shallow copy copies everything recursively while a deep copy shares the inner lists, and plain assignment makes a shallow copy.",
        "shallow, deep, copy.copy, deepcopy, nested, recursive.",
        "A shallow copy does not share the inner objects and a deep copy is not recursive.",
      },
    },
  },
  {
    id = "core.shallow-vs-deep-copy.followup-cycle",
    topic = "core.shallow-vs-deep-copy",
    level = "advanced",
    kind = "output",
    prompt = "Follow-up to the copy question: \"What does `deepcopy` do with a list that contains itself?\" What does this print?",
    code = [[
import copy
a = [1, 2]
a.append(a)
b = copy.deepcopy(a)
print(b[2] is b, b[2] is a)
c = copy.copy(a)
print(c[2] is a)]],
    expected = "True False\nTrue",
    hints = {
      "Does deepcopy loop forever on a cycle?",
      "deepcopy keeps a memo of what it has already copied and reuses the copy.",
      "So the copy's third item is the copy itself; a shallow copy just shares the original's reference.",
    },
    solution = "True False\nTrue",
    why = "deepcopy's memo dictionary: it copies each object once, so cycles and shared references keep their shape in the copy, and a shallow copy shares them with the original.",
    wrong = { "False False\nTrue", "True True\nTrue", "True False\nFalse" },
  },
}
