-- Exercises for core.gil: one thread runs bytecode at a time; I/O vs CPU.
return {
  {
    id = "core.gil.explain",
    followup = "core.gil.followup-locks",
    topic = "core.gil",
    level = "advanced",
    kind = "explain",
    prompt = "\"What is the GIL? Why does CPython have it, and does it make threads useless?\"",
    hints = {
      "How many threads of one CPython process can run Python bytecode at the same instant?",
      "It is one lock around the interpreter, there because of reference counting; think about what a thread does while it waits for the network.",
      "CPU-bound threads get no speed-up; I/O-bound threads do, because blocking I/O releases the GIL. For CPU work use processes or C code that releases it.",
    },
    solution = "The Global Interpreter Lock is a mutex in CPython that a thread must hold to run Python bytecode, so only one thread of a process executes Python code at a time, whatever the number of cores. It exists because CPython's memory management is reference counting, and one global lock was the simple, fast way to keep those counts consistent and C extensions simple. Threads are still useful for I/O-bound work: a thread waiting on a socket, a file or sleep releases the GIL, so other threads run meanwhile. CPU-bound pure-Python code gets no speed-up from threads; use multiprocessing, or libraries such as NumPy that release the GIL in their C code. CPython 3.13 also offers an optional free-threaded build without the GIL, but the default build still has it.",
    why = "A senior-level staple: it tests the memory model, concurrency, and choosing the right tool for CPU- vs I/O-bound work.",
    rubric = {
      vocab = { "thread", "threads" },
      concepts = {
        { label = "only one thread runs Python bytecode at a time", weight = 2,
          match = { [[\bone thread (?:at a time|runs?|executes?|can|may)\b]], [[\bonly one thread\b]], [[\bone (?:\w+ )?at a time\b]],
                    [[\b(?:never|not|can't|cannot|don't) (?:\w+ ){0,3}(?:at the same (?:time|instant|moment)|simultaneously)\b]],
                    [[\btake turns\b]], [[\bmutex\b]], [[\binterpreter lock\b]] } },
        { label = "it exists because reference counting is not thread-safe", weight = 1.5,
          match = { [[\breference count\w*]], [[\bref ?count\w*]], [[\bmemory management\b]], [[\bthread[- ]safe\w*]],
                    [[\bc extensions?\b]], [[\bsimpl(?:e|er|icity)\b]], [[\bcounters?\b]], [[\bconsisten\w*]] } },
        { label = "CPU-bound pure-Python threads get no speed-up", weight = 2,
          match = { [[\bcpu[- ]bound\b]], [[\bcpu[- ]heavy\b]], [[\bno (?:real )?(?:speed-?up|parallelism)\b]], [[\bnot (?:run )?in parallel\b]],
                    [[\b(?:can't|cannot) use (?:multiple|more|several|all) cores\b]], [[\bone core\b]], [[\bcomputation\w*]] } },
        { label = "I/O-bound threads still help: blocking I/O releases the GIL", weight = 2,
          match = { [[\bi/?o[- ]bound\b]], [[\bi/o\b]], [[\breleas\w*]], [[\bwaiting\b]], [[\bnetwork\w*]], [[\bsleep\w*]],
                    [[\bblocking\b]], [[\bdownload\w*]] } },
        { label = "alternatives: processes, C code that drops the GIL, free-threaded 3.13", weight = 1,
          match = { [[\bmultiprocessing\b]], [[\bprocess(?:es)?\b]], [[\bnumpy\b]], [[\bfree[- ]thread\w*]], [[\bpep 703\b]],
                    [[\b3\.13\b]], [[\bnogil\b]], [[\basyncio\b]] } },
      },
      red_flags = {
        { label = "threads are not useless: they help with I/O-bound work", penalty = 0.6,
          match = { [[\buseless\b]], [[\bnever (?:help|useful|worth)\w*]], [[\bpointless\b]] } },
        { label = "the GIL does not make your own code thread-safe", penalty = 0.6,
          match = { [[\bno need (?:for|to use|of) locks\b]], [[\b(?:don't|never) need locks\b]],
                    [[\b(?:makes?|made) (?:your |all |user |my )?(?:python )?code thread[- ]safe\b]], [[\bno race conditions\b]] } },
      },
    },
    samples = {
      good = {
        "The GIL is a mutex that lets only one thread execute Python bytecode at a time. It exists because CPython's reference counting isn't thread-safe. CPU-bound threads get no speed-up, but I/O-bound threads still help because blocking I/O releases the GIL; for CPU work use multiprocessing.",
        "In normal CPython, two threads never run Python code at the same instant: they take turns holding one big lock, which keeps the object counters consistent. So number crunching in threads doesn't go faster. Threads that mostly wait on the network are fine, because a waiting thread lets go of the lock.",
        "Only one thread at a time runs bytecode, which protects reference counts. Threads are still good for I/O since the lock is released while waiting; for computation use processes or NumPy, which releases it in C.",
      },
      bad = {
        "The GIL makes threads useless in Python, but at least it makes your code thread-safe, so there is no need for locks.",
        "GIL, lock, threads, bytecode, reference counting, I/O-bound, CPU-bound.",
        "The GIL never limits Python to one thread at a time, it isn't related to reference counting, and threads don't help with I/O-bound work either.",
      },
    },
  },
  {
    id = "core.gil.which-workloads",
    topic = "core.gil",
    level = "advanced",
    kind = "choice",
    prompt = "On standard CPython 3.11 (with the GIL), which of these jobs get faster when split across 8 threads? Choose every one.",
    options = {
      { text = "Downloading 200 web pages", correct = true,
        why = "Each thread spends most of its time waiting on the network, and a blocked thread releases the GIL." },
      { text = "Running 50 slow SQL queries against a database server", correct = true,
        why = "The waiting happens in the server and the socket; the GIL is free meanwhile." },
      { text = "Counting primes below 10 million with a pure-Python loop",
        why = "CPU-bound bytecode: only one thread runs it at a time, so 8 threads take as long (or longer)." },
      { text = "Summing a list of numbers in a Python for loop",
        why = "Also CPU-bound Python code; threads add switching overhead and no parallelism." },
    },
    hints = {
      "Ask of each job: is it mostly waiting, or mostly computing in Python?",
      "Blocking I/O releases the GIL; Python bytecode needs it.",
    },
    solution = "The two I/O-bound jobs: downloading pages and waiting on SQL queries.",
    why = "Telling I/O-bound from CPU-bound work is the practical skill behind every GIL question.",
  },
  {
    id = "core.gil.cpu-threads",
    topic = "core.gil",
    level = "advanced",
    kind = "bug",
    prompt = "On an 8-core machine this takes as long as a plain loop over the 8 inputs. Which line would you change? Then say why.",
    code = [[
from concurrent.futures import ThreadPoolExecutor

def count_primes(limit):
    return sum(1 for n in range(2, limit)
               if all(n % d for d in range(2, int(n ** 0.5) + 1)))

with ThreadPoolExecutor(max_workers=8) as pool:
    totals = list(pool.map(count_primes, [200_000] * 8))
print(totals)]],
    buggy = 7,
    rubric = {
      vocab = { "thread", "threads" },
      concepts = {
        { label = "the work is CPU-bound, and the GIL lets one thread run bytecode at a time", weight = 2,
          match = { [[\bgil\b]], [[\bglobal interpreter lock\b]], [[\bcpu[- ]bound\b]], [[\bone thread at a time\b]],
                    [[\bnot (?:run )?in parallel\b]] } },
        { label = "fix: use processes (ProcessPoolExecutor / multiprocessing)", weight = 1,
          match = { [[\bprocesspoolexecutor\b]], [[\bprocess(?:es)?\b]], [[\bmultiprocessing\b]] } },
      },
    },
    samples = {
      good = {
        "Counting primes is CPU-bound, and the GIL lets only one thread run Python bytecode at a time, so the threads take turns. Use ProcessPoolExecutor so each process has its own interpreter.",
        "Threads can't run this pure-Python loop in parallel because of the GIL; switch to multiprocessing.",
      },
      bad = {
        "max_workers should be 16.",
        "GIL, threads, processes.",
      },
    },
    hints = {
      "Is count_primes waiting on anything, or computing?",
      "CPU-bound Python code holds the GIL; threads cannot run it in parallel.",
      "Swap the executor for one that uses processes (the main guard is needed on spawn platforms).",
    },
    solution = "count_primes is CPU-bound pure Python, and the GIL lets only one thread execute bytecode at a time, so eight threads just take turns. Use ProcessPoolExecutor (each process has its own interpreter and GIL), under if __name__ == \"__main__\": on platforms that spawn.",
    why = "Reaching for threads to speed up computation is the most common GIL mistake in real code.",
    wrong = { "8", "4", "3" },
  },
  {
    id = "core.gil.followup-locks",
    topic = "core.gil",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the GIL question: \"If only one thread runs Python bytecode at a time, why do threaded Python programs still need locks?\"",
    hints = {
      "When can the interpreter switch from one thread to another?",
      "It can switch between any two bytecodes; how many bytecodes is counter += 1?",
      "A read-modify-write can be interrupted halfway, so updates get lost; the GIL protects the interpreter's internals, not your data.",
    },
    solution = "The GIL guarantees that only one bytecode runs at a time, but the interpreter may switch threads between any two bytecodes, every few milliseconds or when a thread blocks. A statement like counter += 1 is several bytecodes: read the value, add one, store it back. If a switch happens after the read, another thread can update the counter, and the first thread then writes back a stale value, so updates are lost. The GIL exists to keep the interpreter's own state, such as reference counts, consistent; it says nothing about your program's invariants. So shared mutable state still needs a threading.Lock, or a design that avoids sharing, such as a queue.Queue.",
    why = "Separates candidates who repeat \"the GIL makes Python single-threaded\" from those who understand what it actually protects.",
    rubric = {
      vocab = { "thread", "threads" },
      concepts = {
        { label = "threads can be switched between any two bytecodes", weight = 2,
          match = { [[\bswitch\w*]], [[\bpreempt\w*]], [[\binterrupt\w*]], [[\bbetween (?:two |any two )?(?:bytecodes?|instructions|steps)\b]],
                    [[\bat any (?:point|time|moment)\b]], [[\bin the middle\b]], [[\bhalfway\b]], [[\bpaused\b]] } },
        { label = "counter += 1 is several steps (read, add, write): not atomic", weight = 2,
          match = { [[\bnot atomic\b]], [[\bnon-?atomic\b]], [[\b(?:several|multiple|many|three|separate) (?:bytecodes?|steps|instructions|operations)\b]],
                    [[\bread-modify-write\b]], [[\bread(?:s|ing)?\b[^.;]{0,30}\b(?:writ\w*|stor\w*|sav\w*)\b]] } },
        { label = "the GIL protects the interpreter's internals, not your data", weight = 1.5,
          match = { [[\binternals?\b]], [[\binterpreter(?:'s)? (?:own )?(?:state|data|bookkeeping)\b]], [[\bref(?:erence)? ?counts?\b]],
                    [[\binvariants?\b]], [[\byour (?:own )?(?:data|code|state|program)\b]], [[\bown bookkeeping\b]] } },
        { label = "so updates get lost: protect shared state with a Lock or a queue", weight = 1,
          match = { [[\blost (?:updates?|changes?|increments?)\b]], [[\blose (?:updates?|changes?|increments?)\b]], [[\brace\w*]],
                    [[\bthreading\.lock\b]], [[\blocks?\b]], [[\bqueue\b]], [[\bmutex\b]], [[\bstale\b]] } },
      },
      red_flags = {
        { label = "the GIL does not make compound operations like += atomic", penalty = 0.6,
          match = { [[\+= (?:1 )?is atomic\b]], [[\b(?:makes?|keeps?) (?:\w+ ){0,3}(?:atomic|thread[- ]safe)\b]], [[\blocks are (?:never )?(?:not )?needed\b]],
                    [[\bnever need(?:ed)? locks\b]] } },
      },
    },
    samples = {
      good = {
        "The GIL only guarantees one bytecode runs at a time; the interpreter can switch threads between bytecodes. Something like counter += 1 is several steps (read, add, write), so it is not atomic and two threads can lose updates. The GIL protects the interpreter's internals like reference counts, not your data, so you still need a threading.Lock.",
        "A thread can be paused in the middle of an update, after it read the old value but before it stored the new one, and another thread then does the same. So even with one thread running at a time you can lose changes. The big lock keeps Python's own bookkeeping safe, not your program's data.",
        "Incrementing a shared counter is a read-modify-write spread over multiple bytecodes, and a thread switch can happen in between, so you get races. Protect shared state with a Lock or hand work over through a queue.",
      },
      bad = {
        "Because of the GIL, counter += 1 is atomic, and the GIL makes all Python code thread-safe, so locks are never needed.",
        "GIL, bytecode, atomic, race condition, lock, switch interval.",
        "Threads are never switched between bytecodes and counter += 1 is not several steps; you cannot lose updates.",
      },
    },
  },
}
