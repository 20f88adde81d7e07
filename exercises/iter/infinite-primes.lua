-- Exercises for iter.infinite-primes: the incremental sieve as a
-- generator, and its odd-step detail.
return {
  {
    id = "iter.infinite-primes.even-key",
    topic = "iter.infinite-primes",
    level = "advanced",
    kind = "bug",
    prompt = "This incremental sieve prints `[2, 3, 5, 7, 11, 13, 15, 17, 19, 21]`: 15 and 21 are not prime. Which line is the bug? Say why.",
    code = [[
from itertools import islice

def primes():
    yield 2
    composites = {}
    candidate = 3
    while True:
        if candidate not in composites:
            yield candidate
            composites[candidate * candidate] = [candidate]
        else:
            for p in composites.pop(candidate):
                nxt = candidate + p
                composites.setdefault(nxt, []).append(p)
        candidate += 2

print(list(islice(primes(), 10)))]],
    buggy = 13,
    rubric = {
      concepts = {
        { label = "candidate and p are both odd, so candidate + p is even and never visited", weight = 2,
          match = { "\\beven\\b", "\\bodd\\b", "\\bnever (?:\\w+ )?(?:visited|reached|checked|tested|seen)\\b",
                    "\\bskip\\w*", "\\bparked\\b" } },
        { label = "fix: step by 2 * p", weight = 1,
          match = { "\\b2 ?\\* ?p\\b", "\\bp ?\\* ?2\\b", "\\bp ?\\+ ?p\\b", "\\btwice\\b", "\\bdouble\\w*" } },
      },
    },
    samples = {
      good = {
        "candidate and p are both odd, so candidate + p is even; the loop only visits odd numbers, so the prime's entry is never seen again. Use candidate + 2 * p.",
        "The next multiple lands on an even number that the loop skips, so 3 stops marking after 9. Step by twice the prime.",
      },
      bad = {
        "The dict should start with {4: [2]}.",
        "candidate should start at 2.",
      },
    },
    hints = {
      "Which numbers does candidate take? Which number does nxt become for candidate 9 and p 3?",
      "Odd plus odd is even, and even candidates are never examined.",
      "The next odd multiple is candidate + 2 * p.",
    },
    solution = "Line 13: candidate and p are both odd, so candidate + p is even. The loop visits only odd numbers, so after its square each prime's entry is parked on an even key and never marks another multiple (3 never marks 15 or 21). Use nxt = candidate + 2 * p.",
    why = "The bug gives plausible-looking output with no error; reasoning about the invariant (only odd keys matter) is what interviewers want.",
    wrong = { "10", "15", "6" },
  },
  {
    id = "iter.infinite-primes.step-fill",
    topic = "iter.infinite-primes",
    level = "advanced",
    kind = "fill",
    prompt = "The sieve tests only odd candidates. Fill in the step that moves prime `p` to its next odd multiple after `candidate`.",
    code = [[
for p in composites.pop(candidate):
    nxt = candidate + ___
    composites.setdefault(nxt, []).append(p)]],
    blanks = {
      { "2 * p", patterns = { "^(?:2\\s*\\*\\s*p|p\\s*\\*\\s*2|p\\s*\\+\\s*p|\\(\\s*2\\s*\\*\\s*p\\s*\\))$" } },
    },
    hints = {
      "candidate is an odd multiple of p. Is candidate + p odd or even?",
      "Skip the even multiple: move two steps of p.",
    },
    solution = "2 * p",
    why = "The one-character difference between a correct and a silently wrong sieve.",
    wrong = { "p", "2", "p * p" },
  },
  {
    id = "iter.infinite-primes.square",
    topic = "iter.infinite-primes",
    level = "advanced",
    kind = "choice",
    prompt = "When the sieve finds a new prime p, it registers p at `p * p`, not at `2 * p` or `3 * p`. Why is that enough?",
    options = {
      { text = "Each smaller multiple k * p has a smaller prime factor that already marked it", correct = true,
        why = "E.g. 3 * 7 = 21 was marked by 3; the first multiple of 7 nobody else marks is 49." },
      { text = "The candidate loop never reaches the multiples that lie below p * p", why = "The loop visits every odd number; 21 is reached long before 49." },
      { text = "It is a speed-up that lets a few composite numbers slip through", why = "The sieve is exact: it agrees with trial division." },
      { text = "p * p is the only composite number divisible by p", why = "2p, 3p, ... are all divisible by p; they are just covered by smaller primes." },
    },
    hints = {
      "Take p = 7. Which primes already marked 21 and 35?",
      "A multiple k * p with k < p has a smaller prime factor.",
    },
    solution = "Each smaller multiple k * p has a smaller prime factor that already marked it",
    why = "Explaining why marking starts at p squared shows you understand the algorithm, not just the code.",
  },
}
