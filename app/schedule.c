/*
** schedule.c - SM-2 spaced repetition with minute-scale relearning.
**
** SuperMemo 2 (Wozniak 1990) as Anki popularised it: intervals 1 day,
** 6 days, then the previous interval times the ease. Two changes: a miss
** comes back after SCHED_RELEARN_SECONDS instead of the next day (the
** learner should see the fix while it is fresh), and intervals are capped
** at a year so a lucky streak cannot bury an item.
*/
#include "schedule.h"

int sched_quality(double score, int passed, int hints)
{
    int q;

    if (score < 0)
        return 0;
    if (!passed)
        q = score >= 0.5 ? 2 : 1;
    else if (score >= 0.95)
        q = 5;
    else if (score >= 0.8)
        q = 4;
    else
        q = 3;
    /* hints cost one step each, but a pass stays a pass */
    if (passed) {
        q -= hints > 0 ? hints : 0;
        if (q < 3)
            q = 3;
    }
    return q;
}

void sched_update(SchedState *st, int q, int64_t now)
{
    double d;

    if (q < 0)
        q = 0;
    if (q > 5)
        q = 5;
    if (st->ease < SCHED_MIN_EASE)
        st->ease = SCHED_START_EASE;
    if (q < 3) {
        if (st->reps > 0)
            st->lapses++;
        st->reps = 0;
        st->interval = 0;
        st->ease -= 0.2;
        if (st->ease < SCHED_MIN_EASE)
            st->ease = SCHED_MIN_EASE;
        st->due = now + SCHED_RELEARN_SECONDS;
        st->last = now;
        return;
    }
    st->reps++;
    if (st->reps == 1)
        st->interval = 1;
    else if (st->reps == 2)
        st->interval = 6;
    else
        st->interval *= st->ease;
    if (st->interval > SCHED_MAX_INTERVAL)
        st->interval = SCHED_MAX_INTERVAL;
    /* SM-2's ease update: +0.1 for a perfect answer, -0.14 for a hard one */
    d = 5 - q;
    st->ease += 0.1 - d * (0.08 + d * 0.02);
    if (st->ease < SCHED_MIN_EASE)
        st->ease = SCHED_MIN_EASE;
    st->due = now + (int64_t)(st->interval * SCHED_DAY + 0.5);
    st->last = now;
}

int sched_is_due(const SchedState *st, int64_t now)
{
    return st->last != 0 && st->due <= now;
}
