-- Exercises for iter.why-lazy: producing items on demand instead of
-- building the whole list first.
local GEN = { "\\bgenerators?\\b", "\\biterators?\\b", "\\bgenerator expressions?\\b" }

return {
  {
    id = "iter.why-lazy.explain",
    topic = "iter.why-lazy",
    level = "beginner",
    kind = "explain",
    prompt = "Why would you write a generator instead of a function that builds and returns a list? When would you still return the list?",
    hints = {
      "Think about when each item is computed, and where the items live meanwhile.",
      "A generator produces one item at a time, on demand. What does that do to memory, and to a loop that stops early?",
      "Memory stays at about one item, infinite or huge streams work, you can stop early; but it is one pass with no len() or indexing.",
    },
    solution = "A list holds every item in memory at once; a generator produces one item at a time, only when the consumer asks for the next one. So memory stays at about one item however long the stream is, the first result is available immediately, and a loop that stops early never pays for the rest, which even makes infinite streams usable. Laziness is not about speed: per item a generator is often slightly slower. Return a list when the data is small or the caller needs len(), indexing, sorting or several passes, because a generator can be walked only once.",
    why = "The opening question of every generator interview: it checks that you think about memory and data flow, and know the costs of laziness too.",
    rubric = {
      vocab = { "lazily", "memory", "generator", "demand" },
      concepts = {
        { label = "items are produced one at a time, on demand", weight = 2,
          match = { "\\bone (?:item |value |element |line |record |thing |row )?at a time\\b",
                    "\\bon demand\\b", "\\bas (?:you|we|the loop|the caller) (?:iterate|loop|go|ask|need)", "\\blaz(?:y|ily|iness)\\b", "\\bon the fly\\b", "\\bone by one\\b", "\\bstream(?:s|ing)?\\b",
                    "\\bas (?:needed|requested|you go|they(?:'re| are) needed|you need them)\\b",
                    "\\b(?:only )?when (?:\\w+ ){0,3}(?:asks?|needs?|requests?|wants?) (?:for )?(?:it|them|the next|one|more)",
                    "\\bonly when (?:\\w+ ){0,3}(?:asks?|needs?|requests?|wants?)\\b",
                    "\\bcomputes? (?:\\w+ ){0,2}(?:next|each) (?:item|value|one) (?:only )?when\\b" } },
        { label = "memory stays small: the items are never all stored", weight = 2,
          match = { "\\bmemory\\b", "\\bram\\b", "\\bconstant (?:space|memory)\\b",
                    "\\b(?:just|only) (?:the )?(?:current|one|a single) (?:item|value|one|element|line|record|row)\\b",
                    "\\bno matter how (?:big|large|long|many)\\b",
                    "\\b(?:without|instead of) (?:storing|keeping|holding|loading|building)\\b",
                    "\\b(?:do|does)(?:n't| not) (?:need to |have to )?(?:store|keep|hold|load|create|build) (?:them|everything|all|it|the whole)\\b" } },
        { label = "you can stop early, and infinite streams work", weight = 1,
          match = { "\\binfinite\\b", "\\bunbounded\\b", "\\bendless\\b", "\\bforever\\b", "\\bnever ends?\\b",
                    "\\bstop (?:\\w+ )?(?:early|halfway|partway|after)\\b", "\\bbreak\\b", "\\bearly exit\\b",
                    "\\bquit\\w*\\b", "\\bshort[- ]circuit\\w*", "\\bfirst (?:result|item|value|match)\\b",
                    "\\bwhat you (?:actually )?(?:use|need)\\b", "\\bthe rest\\b" } },
        { label = "trade-off: one pass only, no len() or indexing; lists suit small data reused", weight = 1,
          match = { "\\bone pass\\b", "\\bonce\\b", "\\bsingle[- ](?:use|pass)\\b", "\\bexhaust\\w*",
                    "\\blen\\b", "\\bindex\\w*", "\\bsort\\w*", "\\bsmall\\b", "\\bseveral (?:times|passes)\\b",
                    "\\bmore than once\\b", "\\brandom access\\b", "\\breus\\w+", "\\bagain\\b" } },
      },
      red_flags = {
        { label = "generators are not generally faster: the win is memory", penalty = 0.6,
          subject = GEN,
          object = { "\\b(?:faster|quicker)\\b(?! to (?:the )?first)(?<!first item faster)(?<!first value faster)(?<!first result faster)" } },
        { label = "a generator does not keep all the items in memory", penalty = 0.6,
          subject = GEN,
          object = { "\\b(?:all|every|each) (?:of )?(?:the |its )?(?:items?|values?|elements?|data|results?|them)\\b(?= (?:in memory|at once|up front))",
                     "\\beverything (?:in memory|at once|up front)\\b", "\\bthe whole (?:list|sequence|file|thing)\\b" } },
        { label = "the list is the eager one: it builds everything first", penalty = 0.6, near = 4,
          subject = { "\\blists?\\b", "\\blist comprehensions?\\b" },
          object = { "\\bone (?:item |value |element )?at a time\\b", "\\bon demand\\b", "\\blaz(?:y|ily)\\b" } },
      },
    },
    samples = {
      good = {
        "A list holds every element in memory at once, while a generator is lazy: it produces one item at a time on demand, so memory stays roughly constant. It also lets you stop early or work with infinite streams. Build a list when the data is small or you need len(), indexing or several passes.",
        "A list has to be built completely before you can look at any of it. The generator hands you the next value only when your loop asks for it, so you hold just the current one no matter how big the data is, and you can quit halfway without paying for the rest. The catch is that you can walk through it only once.",
        "Generators produce one item at a time, so the memroy use stays flat while a list stores everything. You can stop early, but a generater is exhausted after one pass, so use a list if you need to loop again.",
      },
      bad = {
        "Generators are faster than lists because Python skips building the list, so you should always use them.",
        "lazy, memory, one at a time, infinite, len, index, generator, list.",
        "A generator keeps all the items in memory at once, while a list computes each item one at a time on demand.",
        "A generator does not produce items on demand, and it does not save any memory compared with a list.",
      },
    },
  },
  {
    id = "iter.why-lazy.interleave",
    topic = "iter.why-lazy",
    level = "beginner",
    kind = "output",
    prompt = "What does this program print? Watch which numbers are ever made.",
    code = [[
def numbers():
    n = 0
    while True:
        n += 1
        print("make", n)
        yield n


for x in numbers():
    if x % 2 == 0:
        print("use", x)
    if x >= 4:
        break
print("done")]],
    expected = "make 1\nmake 2\nuse 2\nmake 3\nmake 4\nuse 4\ndone",
    hints = {
      "The generator is endless. Does that stop the loop from starting?",
      "Each pass of the for loop asks for exactly one number; the body runs before the next one is made.",
      "After 4 the loop breaks, so 5 is never made.",
    },
    why = "Production and consumption interleave: the core of lazy evaluation, and why an infinite generator is harmless.",
    wrong = {
      "make 1\nmake 2\nmake 3\nmake 4\nuse 2\nuse 4\ndone",
      "make 1\nmake 2\nuse 2\nmake 3\nmake 4\nuse 4\nmake 5\ndone",
    },
  },
  {
    id = "iter.why-lazy.first-match",
    topic = "iter.why-lazy",
    level = "beginner",
    kind = "choice",
    prompt = "`find_errors(path)` scans a 30 GB log and the caller usually needs only the first match. What is the main gain of writing it as a generator instead of returning a list?",
    options = {
      { text = "It stops reading once the caller has its match, and holds only one line at a time", correct = true,
        why = "Work happens only when the consumer asks for an item; nothing after the first match is read or stored." },
      { text = "Each line is processed faster than in a list", why = "Per item a generator is often slightly slower; the gains are memory and not doing unneeded work." },
      { text = "The caller can check len() of the result before looping", why = "A generator has no len(): it does not know how many items it will produce." },
      { text = "The caller can loop over the result twice without re-reading the file", why = "A generator is single-use; a second loop gets nothing." },
    },
    hints = {
      "What happens to the rest of the file when the caller breaks after the first match?",
      "Laziness saves memory and unneeded work, not time per item.",
    },
    solution = "It stops reading once the caller has its match, and holds only one line at a time",
    why = "Naming the real benefit (memory and early exit), not the myth (speed), is what interviewers listen for.",
  },
}
