-- Exercises for core.threading-vs-multiprocessing: I/O-bound vs CPU-bound,
-- what each costs, getting results back.
return {
  {
    id = "core.threading-vs-multiprocessing.explain",
    followup = "core.threading-vs-multiprocessing.followup-pickle",
    topic = "core.threading-vs-multiprocessing",
    level = "advanced",
    kind = "explain",
    prompt = "\"When would you use threading and when multiprocessing in Python? What does each cost?\"",
    hints = {
      "Sort workloads into mostly-waiting and mostly-computing.",
      "Threads share one GIL; each process has its own interpreter and GIL.",
      "Threads for I/O-bound work (cheap, shared memory, needs locks); processes for CPU-bound work (real parallelism, but pickling and start-up cost).",
    },
    solution = "Use threads for I/O-bound work such as network calls, disk or database waits: threads are cheap, share memory, and a thread blocked on I/O releases the GIL so others run. Use processes for CPU-bound work: each process has its own interpreter and its own GIL, so they really run on several cores. Processes cost more: start-up time, separate memory, and arguments and results must be pickled to cross the process boundary; with the spawn start method the entry code must sit under if __name__ == \"__main__\":. Shared memory in threads means you need locks for shared state. concurrent.futures offers both behind one interface.",
    why = "Choosing the concurrency model is a design decision interviewers expect seniors to justify.",
    rubric = {
      vocab = { "thread", "threads" },
      concepts = {
        { label = "threads for I/O-bound work", weight = 2, any_order = true,
          subject = { [[\bthreads?\b]], [[\bthreading\b]] },
          object = { [[\bi/?o\b]], [[\bi/o[- ]bound\b]], [[\bnetwork\w*]], [[\bwait\w*]], [[\brequests\b]], [[\bdownload\w*]],
                     [[\bdisk\b]], [[\bapi calls?\b]], [[\bdatabase\b]] } },
        { label = "processes for CPU-bound work (real parallelism on several cores)", weight = 2, any_order = true,
          subject = { [[\bprocess(?:es)?\b]], [[\bmultiprocessing\b]] },
          object = { [[\bcpu\b]], [[\bcpu[- ]bound\b]], [[\bcomput\w*]], [[\bcalculat\w*]], [[\bnumber[- ]crunching\b]], [[\bcores?\b]],
                     [[\bparallel\w*]] } },
        { label = "each process has its own interpreter and GIL; threads share one", weight = 1.5,
          match = { [[\bown (?:gil|interpreter|memory)\b]], [[\bseparate (?:gil|interpreters?|memory)\b]], [[\bgil\b]],
                    [[\bglobal interpreter lock\b]] } },
        { label = "costs: pickling and start-up for processes; locks for shared thread state", weight = 1,
          match = { [[\bpickl\w*]], [[\bseriali[sz]\w*]], [[\boverhead\b]], [[\bshare(?:d|s)? memory\b]], [[\bstart-?up\b]],
                    [[\blocks?\b]], [[\brace\w*]], [[__main__]], [[\bheav(?:y|ier)\b]], [[\bexpensive\b]] } },
      },
      red_flags = {
        { label = "threads do not speed up CPU-bound Python code", penalty = 0.6,
          subject = { [[\bthreads?\b]], [[\bthreading\b]] },
          object = { [[\bcpu[- ]bound\b]], [[\bheavy comput\w*]], [[\bnumber[- ]crunching\b]] } },
        { label = "processes do not share memory by default", penalty = 0.6,
          subject = { [[\bprocess(?:es)?\b]], [[\bmultiprocessing\b]] },
          object = { [[\bshare (?:the same )?(?:memory|variables|globals)\b]] } },
      },
    },
    samples = {
      good = {
        "Threads suit I/O-bound work like network requests, since a waiting thread releases the GIL and threads are cheap. Processes suit CPU-bound work because each has its own interpreter and GIL, so they use several cores, at the cost of start-up and pickling the data.",
        "If the program mostly waits on the network or disk, threads are enough and light. If it mostly computes, only separate processes really run in parallel, but they don't share memory, so everything sent between them has to be serialized.",
        "threading is for waiting on I/O; multiprocessing is for CPU-heavy computation across cores. The trade-off is overhead: processes need pickling, threads need locks for shared state.",
      },
      bad = {
        "Use threads for CPU-bound work because they run in parallel on all cores, and processes share the same memory, so nothing needs pickling.",
        "threading, multiprocessing, GIL, I/O-bound, CPU-bound, pickle.",
        "Threads are not for I/O-bound work and processes are not for CPU-bound work; neither has its own GIL.",
      },
    },
  },
  {
    id = "core.threading-vs-multiprocessing.results",
    topic = "core.threading-vs-multiprocessing",
    level = "advanced",
    kind = "output",
    prompt = "What does this program print?",
    code = [[
import threading
from concurrent.futures import ThreadPoolExecutor

def square(n):
    return n * n

t = threading.Thread(target=square, args=(7,))
t.start()
print(t.join())

with ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(square, [1, 2, 3])))
    print(pool.submit(square, 4).result())]],
    expected = "None\n[1, 4, 9]\n16",
    hints = {
      "What does Thread.join() return?",
      "threading.Thread throws away the target's return value; executors hand results back.",
      "join() returns None; map keeps the input order; a Future's result() is the return value.",
    },
    why = "Getting results back from workers is where hand-rolled threading code usually goes wrong.",
    wrong = { "49\n[1, 4, 9]\n16", "None\n[1, 4, 9]\n<Future>", "None\n[9, 4, 1]\n16" },
  },
  {
    id = "core.threading-vs-multiprocessing.pool",
    topic = "core.threading-vs-multiprocessing",
    level = "advanced",
    kind = "parsons",
    prompt = "Arrange the lines into a script that runs a CPU-heavy function on four inputs in four processes and prints the results. It must also work where processes are spawned (Windows, macOS). Two lines do not belong.",
    lines = {
      "from multiprocessing import Pool",
      "def cpu_heavy(n):",
      "    return sum(i * i for i in range(n))",
      "if __name__ == \"__main__\":",
      "    with Pool(processes=4) as pool:",
      "        results = pool.map(cpu_heavy, [10**6] * 4)",
      "    print(results)",
    },
    distractors = {
      "        results = pool.map(cpu_heavy(10**6), range(4))",
      "    pool = threading.Thread(target=cpu_heavy)",
    },
    hints = {
      "Spawned children import your module: what must not run again on import?",
      "Guard the entry code with if __name__ == \"__main__\":; pass the function itself to map.",
    },
    why = "The main guard and passing the function (not its result) are the two classic multiprocessing mistakes.",
  },
  {
    id = "core.threading-vs-multiprocessing.followup-pickle",
    topic = "core.threading-vs-multiprocessing",
    level = "advanced",
    kind = "explain",
    prompt = "Follow-up to the threads-vs-processes question: \"Why does multiprocessing code need `if __name__ == \"__main__\":`, and what can go wrong when you send data to worker processes?\"",
    hints = {
      "With the spawn start method, how does a child process get your function definitions?",
      "It starts a fresh interpreter and imports your main module; anything unguarded at top level runs again.",
      "Arguments and results cross the process boundary by pickling: lambdas, open files and sockets fail, big data costs time, and changes in a worker don't reach the parent.",
    },
    solution = "With the spawn start method (the default on Windows and macOS), each worker is a fresh interpreter that imports your main module to find the functions it must run. Code at module level runs again in every child, so without the if __name__ == \"__main__\": guard each child would try to create its own pool, which Python stops with a RuntimeError instead of spawning processes forever. Everything sent to a worker, the function, its arguments and its results, is pickled: lambdas, nested functions, open files, locks and database connections cannot be pickled, and large objects cost real time to serialise and copy. Each worker gets a copy, so changes it makes to its arguments or to globals never reach the parent; results must come back as return values, or through shared memory or a Manager.",
    why = "These are the two failures everyone hits the first time they use multiprocessing.",
    rubric = {
      concepts = {
        { label = "spawned children import the main module again", weight = 2,
          match = { [[\bspawn\w*]], [[\bre-?import\w*]], [[\bimports? (?:your |the )?(?:main )?(?:module|script|file)\b]],
                    [[\bruns? (?:the )?(?:whole )?(?:module|script|file) again\b]], [[\bfresh interpreter\b]] } },
        { label = "without the guard each child would start workers again", weight = 1.5,
          match = { [[\brecursi\w*]], [[\binfinite\w*]], [[\bendless\w*]], [[\bfork bomb\b]], [[\bruntimeerror\b]], [[\bagain and again\b]],
                    [[\b(?:its own|another|a new) pool\b]], [[\bspawn (?:more|new) (?:processes|children|workers)\b]] } },
        { label = "arguments and results are pickled", weight = 2,
          match = { [[\bpickl\w*]], [[\bseriali[sz]\w*]] } },
        { label = "unpicklable objects fail, big data is slow, workers get copies", weight = 1,
          match = { [[\blambdas?\b]], [[\bopen files?\b]], [[\bsockets?\b]], [[\bconnections?\b]], [[\bcop(?:y|ies)\b]], [[\boverhead\b]],
                    [[\blarge (?:data|objects|arrays)\b]], [[\bshared memory\b]], [[\bmanager\b]], [[\bnever reach\w*]] } },
      },
      red_flags = {
        { label = "workers do not share the parent's variables", penalty = 0.6,
          match = { [[\b(?:changes|modifications|updates) (?:in|made by|from) (?:the )?(?:child|worker)\w* (?:are )?(?:visible|seen|reflected)\b]],
                    [[\b(?:workers|children|processes) (?:share|see) (?:the )?(?:parent'?s? )?(?:global )?variables\b]] } },
      },
    },
    samples = {
      good = {
        "With the spawn start method, each child imports the main module again, so unguarded top-level code would run in every child and try to start a new pool; Python raises RuntimeError. Arguments and results are pickled, so lambdas or open files fail, large data is slow to copy, and changes in a worker never reach the parent.",
        "On Windows and macOS a worker starts as a fresh interpreter and re-runs your script from the top to find your function, so the code that starts the workers must be fenced off or it runs again in every child. Everything you pass goes over by being serialized, so things like open connections can't be sent at all, and each worker only gets a copy.",
        "Children re-import the module under spawn; the guard stops them from spawning more processes recursively. Data crosses by pickling: lambdas fail and big arrays carry overhead.",
      },
      bad = {
        "The guard is only a style convention, and worker processes share the parent's global variables, so changes in the child are visible in the parent.",
        "__main__, spawn, pickle, lambda, RuntimeError, copy.",
        "Children never import the main module again, and arguments are not pickled.",
      },
    },
  },
}
