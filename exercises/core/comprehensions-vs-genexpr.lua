-- Exercises for core.comprehensions-vs-genexpr: eager lists, lazy
-- generator expressions, dict and set comprehensions.
return {
  {
    id = "core.comprehensions-vs-genexpr.explain",
    topic = "core.comprehensions-vs-genexpr",
    level = "intermediate",
    kind = "explain",
    prompt = "\"What is the difference between `[x * x for x in data]` and `(x * x for x in data)`? When would you use each?\"",
    hints = {
      "When is each square actually computed?",
      "One is eager and builds the whole list; the other is lazy and produces values on demand.",
      "The list costs memory proportional to n and can be reused and indexed; the generator is tiny but single-use.",
    },
    solution = "The square brackets make a list comprehension: it runs the loop immediately and builds the whole list in memory, so memory grows with the input, but you can index it, take len() and iterate it many times. The parentheses make a generator expression: it computes nothing up front and produces one value at a time as you iterate, using a small fixed amount of memory. A generator is single-use: once consumed it is empty. Use the list when you need the results more than once or random access; use the generator to stream large or infinite data into sum(), max() or a for loop.",
    why = "Laziness versus materialisation is the core trade-off behind every iterator question.",
    rubric = {
      concepts = {
        { label = "the list comprehension builds the whole list at once", weight = 2,
          match = { [[\b(?:whole|entire|full|complete) list\b]], [[\ball (?:the )?(?:items|elements|values|results|squares) (?:at once|up ?front|immediately|in memory)\b]],
                    [[\bat once\b]], [[\beager\w*]], [[\bup ?front\b]], [[\bmateriali[sz]\w*]], [[\bright away\b]],
                    [[\b(?:list|everything|all|values)\b[^.;,]{0,20}\bin memory\b]] } },
        { label = "the generator expression is lazy: one value at a time, on demand", weight = 2,
          match = { [[\blaz(?:y|ily|iness)\b]], [[\bon demand\b]], [[\bone (?:item |value |element |square )?at a time\b]],
                    [[\bas (?:you|it is|they are|needed)\b]], [[\bwhen (?:asked|needed|requested)\b]], [[\bon the fly\b]],
                    [[\bonly when\b]], [[\basks? for (?:the |a )?next\b]] } },
        { label = "memory: the list grows with n, the generator stays small", weight = 1.5,
          match = { [[\bmemory\b]], [[\bram\b]], [[\bgetsizeof\b]], [[\bconstant\b]], [[\bfixed[- ]size\b]] } },
        { label = "a generator is single-use, with no len() or indexing", weight = 1,
          match = { [[\bonce\b]], [[\bsingle[- ]use\b]], [[\bexhaust\w*]], [[\bconsumed\b]], [[\blen\b]], [[\bindex\w*]],
                    [[\breus\w*]], [[\bmultiple times\b]], [[\bmore than once\b]], [[\brandom access\b]] } },
      },
      red_flags = {
        { label = "a generator expression does not store all its values", penalty = 0.6,
          subject = { [[\bgenerators?(?: expressions?)?\b]], [[\bgenexp\w*]], [[\bparenthes\w+]] },
          object = { [[\bstores? (?:all|every|the whole)\b]], [[\bbuilds? (?:the |a )?(?:whole|entire|full) list\b]],
                     [[\bkeeps? (?:all|every) (?:the )?(?:values|items)\b]] } },
        { label = "a list comprehension is eager, not lazy", penalty = 0.6,
          subject = { [[\blist comprehensions?\b]], [[\bsquare brackets\b]] },
          object = { [[\blaz(?:y|ily)\b]], [[\bon demand\b]], [[\bone (?:item |value )?at a time\b]] } },
      },
    },
    samples = {
      good = {
        "The list comprehension builds the whole list at once, so its memory grows with the data. The generator expression is lazy: it yields one value at a time when asked, in constant memory, but it can only be consumed once and has no len or indexing.",
        "Brackets compute every square right away and keep them all; parentheses compute each square only when the loop asks for the next one. So for huge inputs I'd use the second, but if I need to go over the results more than once I need the list.",
        "List comp = eager and materialised in memory; genexp = lazy, on demand, single-use. Feed the genexp straight into sum() for big data.",
      },
      bad = {
        "Both store all the values; the generator expression just builds the whole list faster, and the list comprehension is lazy.",
        "eager, lazy, memory, single-use, list, generator.",
        "The list comprehension does not build the list at once and the generator is not lazy; memory is the same.",
      },
    },
  },
  {
    id = "core.comprehensions-vs-genexpr.late-append",
    topic = "core.comprehensions-vs-genexpr",
    level = "intermediate",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
nums = [1, 2, 3, 4]
squares_list = [n * n for n in nums]
squares_gen = (n * n for n in nums)
nums.append(5)
print(squares_list)
print(sum(squares_gen))
print(sum(squares_gen))
print({ch: i for i, ch in enumerate("abca")})]],
    expected = "[1, 4, 9, 16]\n55\n0\n{'a': 3, 'b': 1, 'c': 2}",
    hints = {
      "When does each of the two expressions read the items of nums?",
      "The generator reads nums only as sum() asks for values, after the append; and a generator runs only once.",
      "The list was built before the append; the generator sees 1..5 (55), then it is exhausted. In a dict comprehension a repeated key keeps its first position and its last value.",
    },
    why = "Laziness and exhaustion in one trace: exactly what interviewers probe with generator expressions.",
    wrong = { "[1, 4, 9, 16]\n30\n30\n{'a': 3, 'b': 1, 'c': 2}",
              "[1, 4, 9, 16]\n30\n0\n{'a': 0, 'b': 1, 'c': 2}",
              "[1, 4, 9, 16, 25]\n55\n0\n{'b': 1, 'c': 2, 'a': 3}" },
  },
  {
    id = "core.comprehensions-vs-genexpr.facts",
    topic = "core.comprehensions-vs-genexpr",
    level = "intermediate",
    kind = "choice",
    prompt = "Given `big = [x for x in range(10**6)]` and `lazy = (x for x in range(10**6))`, which statement is true?",
    options = {
      { text = "sys.getsizeof(lazy) is a small fixed number that does not depend on the range's length", correct = true,
        why = "A generator object holds only its frame and position; the list holds a million references (about 8 MB)." },
      { text = "len(lazy) is 1000000",
        why = "Generators have no len(): TypeError: object of type 'generator' has no len()." },
      { text = "lazy[10] is 10",
        why = "Generators cannot be indexed: TypeError: 'generator' object is not subscriptable." },
      { text = "Looping over lazy twice prints the numbers twice",
        why = "The second loop finds the generator exhausted and runs zero times." },
      { text = "Both already hold a million ints in memory",
        why = "Only the list does; the generator has computed nothing yet." },
    },
    hints = {
      "What has the generator computed at the moment it is created?",
      "It has computed nothing: it only knows how to produce the next value.",
    },
    solution = "sys.getsizeof(lazy) is small and fixed (200 bytes for this expression on CPython 3.11; the exact number varies by version), whatever the length.",
    why = "Knowing what a generator can and cannot do avoids both memory blow-ups and silent empty loops.",
  },
  {
    id = "core.comprehensions-vs-genexpr.lazy-sum",
    topic = "core.comprehensions-vs-genexpr",
    level = "intermediate",
    kind = "fill",
    prompt = "numbers.txt has one integer per line and is far larger than memory. Fill the blank so the sum of the squares is computed without building a list.",
    code = [[
with open("numbers.txt") as f:
    total = sum(___)
print(total)]],
    blanks = {
      { "int(line) ** 2 for line in f",
        patterns = { [=[(?:\(\s*)?int\(\s*(\w+)(?:\.strip\(\))?\s*\)\s*\*\*\s*2\s+for\s+\1\s+in\s+f(?:\s*\))?]=],
                     [=[(?:\(\s*)?int\(\s*(\w+)(?:\.strip\(\))?\s*\)\s*\*\s*int\(\s*\1(?:\.strip\(\))?\s*\)\s+for\s+\1\s+in\s+f(?:\s*\))?]=],
                     [=[(?:\(\s*)?(\w+)\s*\*\s*\1\s+for\s+\1\s+in\s+map\(\s*int\s*,\s*f\s*\)(?:\s*\))?]=],
                     [=[(?:\(\s*)?(\w+)\s*\*\*\s*2\s+for\s+\1\s+in\s+map\(\s*int\s*,\s*f\s*\)(?:\s*\))?]=] } },
    },
    hints = {
      "sum() accepts any iterable; the file object yields one line at a time.",
      "Write a generator expression directly inside the call: no square brackets.",
      "int(line) ** 2 for line in f",
    },
    solution = "int(line) ** 2 for line in f",
    why = "A generator expression as the sole argument needs no extra parentheses and keeps memory constant.",
    wrong = { "[int(line) ** 2 for line in f]", "int(line) ** 2 for line in f.readlines()", "line ** 2 for line in f" },
  },
}
