/*
** schedule.h - when an attempted exercise is due again (SM-2 family).
**
** Pure functions over a small state record; the caller passes the time
** (Unix seconds), so tests drive the scheduler with a fake clock. A miss
** resets the repetition count and brings the item back in minutes, then a
** day; each success multiplies the interval by the item's ease, which
** good answers raise and weak or hinted ones lower (floor 1.3).
*/
#ifndef PYPREP_SCHEDULE_H
#define PYPREP_SCHEDULE_H

#include <stdint.h>

/* One exercise's review state; zero-init is "never seen". */
typedef struct {
    double ease;      /* interval multiplier, >= SCHED_MIN_EASE (0 = unset) */
    double interval;  /* days until due after the last review */
    int reps;         /* successful reviews in a row */
    int lapses;       /* times it was missed after being learnt */
    int64_t due;      /* Unix seconds when it is due again */
    int64_t last;     /* Unix seconds of the last review */
} SchedState;

#define SCHED_DAY 86400
#define SCHED_START_EASE 2.5
#define SCHED_MIN_EASE 1.3
#define SCHED_RELEARN_SECONDS 600 /* a miss comes back after 10 minutes */
#define SCHED_MAX_INTERVAL 365.0  /* days */

/*
** The answer's quality on SM-2's 0..5 scale, from a grade: score in 0..1,
** passed as the grader decided, hints used (each lowers the quality a
** little, never below a pass's 3 when the answer passed). An unanswered
** item (score < 0) is 0.
*/
int sched_quality(double score, int passed, int hints);

/*
** Apply one review of quality q (0..5) at time now to *st. Quality < 3 is
** a miss. Deterministic: the same state, quality and time give the same
** result.
*/
void sched_update(SchedState *st, int q, int64_t now);

/* Non-zero when st is due at time now. */
int sched_is_due(const SchedState *st, int64_t now);

#endif
