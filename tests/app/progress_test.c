/*
** progress_test.c - the progress store: schema and pragmas, attempts and
** the review queue under a fake clock, sessions, reset, report JSON,
** stats queries, migration from every earlier schema version, and the
** degraded modes (newer version, damaged file, lock held, read-only).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"
#include "tap.h"
#include "util.h"

#define T0 1767225600 /* 2026-01-01T00:00:00Z */
static int64_t fake_now = T0;
static int64_t fake_clock(void)
{
    return fake_now;
}

/* tmpfs when there is one: every commit fsyncs, and disks make that slow */
static char dir[64];

static char *tmp(const char *name)
{
    char *p = xasprintf("%s/%s", dir, name);
    unlink(p);
    return p;
}

/* One integer (or text) from a SQL query on a separate connection. */
static long long q_int(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    long long v = -1;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static char *q_text(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            v = xstrdup((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static int64_t attempt(Progress *p, const char *ex, const char *topic,
                       double score, int passed)
{
    ProgressAttempt a = {0};
    a.exercise_id = ex;
    a.topic = topic;
    a.kind = "choice";
    a.answer = "x";
    a.score = score;
    a.passed = passed;
    a.mode = "study";
    return progress_record_attempt(p, &a);
}

static void test_fresh(void)
{
    char *path = tmp("fresh/sub/p.db");
    Progress *p = progress_open(path, 0);
    char *jm;

    is_int(progress_mode(p), PROGRESS_RW, "progress: fresh db is writable");
    ok(progress_problem(p) == NULL, "progress: fresh db has no problem");
    is_int(progress_found_version(p), 0, "progress: fresh db was version 0");
    is_int(q_int(path, "PRAGMA user_version"), PROGRESS_SCHEMA,
           "progress: migrated to the current schema");
    jm = q_text(path, "PRAGMA journal_mode");
    is_str(jm, "wal", "progress: WAL mode");
    free(jm);
    is_int(q_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                       "('attempts','review','lesson_reads','sessions',"
                       "'settings')"),
           5, "progress: all tables exist");
    progress_close(p);
    /* reopening does not migrate again */
    p = progress_open(path, 0);
    is_int(progress_found_version(p), PROGRESS_SCHEMA,
           "progress: reopened db is current");
    progress_close(p);
    free(path);
}

typedef struct {
    int rows, linked, wrong;
} FuCheck;

/* Counts rows; only the interview attempt of i.fu may name a parent. */
static int fu_row(const ProgressAttemptRow *r, void *ud)
{
    FuCheck *c = ud;
    int want = strcmp(r->exercise_id, "i.fu") == 0 &&
               strcmp(r->mode, "interview") == 0;
    c->rows++;
    if (r->followup_of && want && strcmp(r->followup_of, "i.q") == 0)
        c->linked++;
    else if (r->followup_of || want)
        c->wrong++;
    return 0;
}

static void test_records(void)
{
    char *path = tmp("rec.db");
    Progress *p = progress_open(path, 0);
    ProgressDue *due;
    SchedState s;
    int n;
    int64_t id;

    fake_now = T0;
    id = attempt(p, "a.1", "A", 1.0, 1);
    ok(id > 0, "progress: attempt recorded (id %lld)", (long long)id);
    is_int(q_int(path, "SELECT count(*) FROM attempts"), 1,
           "progress: attempt visible to another connection at once");
    ok(progress_sched_get(p, "a.1", &s) == 0 && s.due == T0 + SCHED_DAY,
       "progress: schedule stored with the attempt (due in 1 day)");
    attempt(p, "a.2", "A", 0.0, 0);
    is_int(progress_due_count(p, 0), 0, "progress: nothing due at once");
    is_int(progress_due_count(p, T0 + 600), 1,
           "progress: the miss is due after 10 minutes");
    is_int(progress_due_count(p, T0 + SCHED_DAY), 2,
           "progress: both due after a day");
    ok(progress_sched_get(p, "nope", &s) < 0,
       "progress: unknown exercise has no schedule");

    /* an unanswered item counts as a miss for the schedule */
    {
        ProgressAttempt a = {0};
        a.exercise_id = "a.3";
        a.topic = "A";
        a.mode = "drill";
        a.score = 0.9;
        a.passed = 1;
        ok(progress_record_attempt(p, &a) > 0,
           "progress: unanswered attempt recorded");
        progress_sched_get(p, "a.3", &s);
        is_int(s.due, T0 + SCHED_RELEARN_SECONDS,
               "progress: unanswered is due again soon");
    }

    /* interleaving: A x3 (a.1..a.3), B x2, C x1 -> topics alternate */
    attempt(p, "b.1", "B", 0, 0);
    attempt(p, "b.2", "B", 0, 0);
    attempt(p, "c.1", "C", 0, 0);
    n = progress_due_list(p, T0 + 2 * SCHED_DAY, 0, &due);
    is_int(n, 6, "progress: six due");
    if (n == 6) {
        int adjacent = 0;
        for (int i = 1; i < 4; i++)
            adjacent += strcmp(due[i].topic, due[i - 1].topic) == 0;
        is_int(adjacent, 0, "progress: due list interleaves topics (%s %s "
                            "%s %s %s %s)", due[0].topic, due[1].topic,
               due[2].topic, due[3].topic, due[4].topic, due[5].topic);
    }
    progress_due_free(due, n);
    n = progress_due_list(p, T0 + 2 * SCHED_DAY, 2, &due);
    is_int(n, 2, "progress: due list honours max");
    progress_due_free(due, n);

    /* lessons */
    ok(progress_lesson_read(p, "l.1", 0.5) == 0, "progress: lesson read");
    progress_lesson_read(p, "l.1", 0.2);
    ok(progress_lesson_fraction(p, "l.1") == 0.5,
       "progress: lesson fraction keeps the furthest");
    progress_lesson_read(p, "l.1", 7);
    ok(progress_lesson_fraction(p, "l.1") == 1.0,
       "progress: lesson fraction clamped to 1");
    ok(progress_lesson_fraction(p, "l.none") == 0,
       "progress: unread lesson is 0");

    /* sessions and foreign keys */
    {
        ProgressSession ss = {"drill", "Week 3", "beginner", 42, 10, 3};
        int64_t sid = progress_session_begin(p, &ss);
        ProgressAttempt a = {0};
        ok(sid > 0, "progress: session begun");
        a.exercise_id = "d.1";
        a.topic = "D";
        a.answer = "y";
        a.score = 1;
        a.passed = 1;
        a.mode = "drill";
        a.session_id = sid;
        ok(progress_record_attempt(p, &a) > 0,
           "progress: attempt in a session");
        a.session_id = 9999;
        ok(progress_record_attempt(p, &a) < 0,
           "progress: foreign key rejects an unknown session");
        ok(progress_problem(p) != NULL, "progress: ... and says why");
        ok(progress_session_finish(p, sid, 1.0 / 3, 1,
                                   "{\"per_item\":[1,0,0]}") == 0,
           "progress: session finished");
        ok(progress_problem(p) == NULL,
           "progress: a good write clears the last problem");
    }

    /* report JSON through SQLite's json functions */
    {
        char *doc = progress_report_json_new(p, 0, NULL, "Ada \"A\"");
        sqlite3 *db;
        sqlite3_stmt *st;
        long long natt = -1, nsess = -1, card = -1;
        ok(doc != NULL, "progress: report JSON built");
        sqlite3_open(":memory:", &db);
        if (doc && sqlite3_prepare_v2(
                       db,
                       "SELECT json_array_length(?1, '$.attempts'), "
                       "json_array_length(?1, '$.sessions'), "
                       "json_extract(?1, "
                       "'$.sessions[0].scorecard.per_item[0]')",
                       -1, &st, NULL) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
            if (sqlite3_step(st) == SQLITE_ROW) {
                natt = sqlite3_column_int64(st, 0);
                nsess = sqlite3_column_int64(st, 1);
                card = sqlite3_column_int64(st, 2);
            }
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
        is_int(natt, 7, "progress: JSON has every attempt");
        is_int(nsess, 1, "progress: JSON has the session");
        is_int(card, 1, "progress: scorecard embedded as JSON");
        free(doc);
        doc = progress_report_json_new(p, 0, "drill", NULL);
        ok(doc && strstr(doc, "\"mode\":\"study\"") == NULL,
           "progress: JSON filtered by mode");
        free(doc);
    }

    /* topics / mastery: latest score per exercise */
    {
        ProgressTopic *t;
        int nt;
        attempt(p, "a.2", "A", 1.0, 1); /* a.2 now solved */
        nt = progress_topics(p, &t);
        ok(nt == 4 && strcmp(t[0].topic, "A") == 0,
           "progress: four topics, A first");
        if (nt > 0) {
            is_int(t[0].attempts, 4, "progress: topic A attempts");
            is_int(t[0].exercises, 3, "progress: topic A exercises");
            ok(t[0].mastery > 0.96 && t[0].mastery < 0.97,
               "progress: mastery = mean latest score (%.3f)", t[0].mastery);
        }
        progress_topics_free(t, nt);
    }

    /* settings */
    ok(progress_set_setting(p, "name", "Grace") == 0,
       "progress: setting saved");
    {
        char *v = progress_get_setting(p, "name");
        is_str(v, "Grace", "progress: setting read back");
        free(v);
    }

    /* reset */
    is_int(progress_reset_count(p, RESET_EXERCISE, "a.2"), 2,
           "progress: reset count for one exercise");
    is_int(progress_reset(p, RESET_EXERCISE, "a.2"), 2,
           "progress: reset one exercise");
    ok(progress_sched_get(p, "a.2", &s) < 0,
       "progress: its schedule is gone");
    is_int(progress_reset(p, RESET_TOPIC, "B"), 2, "progress: reset a topic");
    is_int(q_int(path, "SELECT count(*) FROM review WHERE topic='B'"), 0,
           "progress: topic's schedule gone");
    ok(progress_reset(p, RESET_ALL, NULL) == 4, "progress: reset all");
    is_int(q_int(path, "SELECT (SELECT count(*) FROM attempts) + (SELECT "
                       "count(*) FROM sessions) + (SELECT count(*) FROM "
                       "lesson_reads) + (SELECT count(*) FROM review)"),
           0, "progress: everything deleted");

    /* an interview follow-up's attempt is linked to its question through
    ** the session's saved scorecard */
    {
        ProgressSession ss = {"interview", "mock", "mid", 7, 30, 2};
        int64_t sid = progress_session_begin(p, &ss);
        ProgressAttempt a = {0};
        FuCheck fc = {0, 0, 0};
        char *doc;
        a.topic = "I";
        a.answer = "x";
        a.mode = "interview";
        a.session_id = sid;
        a.exercise_id = "i.q";
        progress_record_attempt(p, &a);
        a.exercise_id = "i.fu";
        progress_record_attempt(p, &a);
        a.session_id = 0;
        a.mode = "study"; /* the same exercise outside the interview */
        progress_record_attempt(p, &a);
        progress_session_finish(p, sid, 0.5, 1,
                                "{\"items\":[{\"id\":\"i.q\"},{\"id\":"
                                "\"i.fu\",\"followup_of\":\"i.q\"}]}");
        progress_each_attempt(p, 0, NULL, fu_row, &fc);
        ok(fc.rows == 3 && fc.linked == 1 && fc.wrong == 0,
           "progress: followup_of read from the scorecard (%d rows, %d "
           "linked, %d wrong)",
           fc.rows, fc.linked, fc.wrong);
        doc = progress_report_json_new(p, 0, NULL, NULL);
        ok(doc && strstr(doc, "\"followup_of\":\"i.q\"") &&
               strstr(doc, "\"followup_of\":null"),
           "progress: report JSON carries followup_of");
        free(doc);
    }
    progress_close(p);
    free(path);
}

static void test_days(void)
{
    char *path = tmp("days.db");
    Progress *p = progress_open(path, 0);
    int att[7], pass[7], due[7];

    /* noon local time on three consecutive days, then look from day 3 */
    fake_now = T0 + 12 * 3600;
    attempt(p, "x.1", "X", 1, 1);
    fake_now += SCHED_DAY;
    attempt(p, "x.2", "X", 0, 0);
    attempt(p, "x.3", "X", 1, 1);
    fake_now += SCHED_DAY;
    attempt(p, "x.4", "X", 1, 1);
    progress_daily(p, 7, att, pass);
    ok(att[6] == 1 && att[5] == 2 && att[4] == 1 && att[3] == 0,
       "progress: attempts per day (%d %d %d %d)", att[3], att[4], att[5],
       att[6]);
    ok(pass[5] == 1, "progress: passes per day");
    is_int(progress_streak(p), 3, "progress: streak of three days");
    fake_now += SCHED_DAY;
    is_int(progress_streak(p), 3, "progress: streak alive before today's "
                                  "first answer");
    fake_now += SCHED_DAY;
    is_int(progress_streak(p), 0, "progress: streak broken by a day off");
    fake_now -= 2 * SCHED_DAY;
    progress_due_by_day(p, 7, due);
    is_int(due[0] + due[1] + due[2], 4,
           "progress: due calendar holds every item (%d %d %d)", due[0],
           due[1], due[2]);
    progress_close(p);
    free(path);
}

static void test_migration(void)
{
    char *path = tmp("v1.db");
    char *sql = util_read_file("tests/progress/fixtures/v1.sql", NULL);
    sqlite3 *db;
    Progress *p;
    ProgressDue *due;
    int n;

    ok(sql != NULL, "migrate: v1 fixture read");
    sqlite3_open(path, &db);
    ok(sql && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK,
       "migrate: v1 fixture loaded");
    sqlite3_close(db);
    free(sql);
    p = progress_open(path, 0);
    is_int(progress_found_version(p), 1, "migrate: found version 1");
    is_int(progress_mode(p), PROGRESS_RW, "migrate: v1 -> writable");
    is_int(q_int(path, "PRAGMA user_version"), PROGRESS_SCHEMA,
           "migrate: v1 upgraded to current");
    is_int(q_int(path, "SELECT count(*) FROM attempts"), 3,
           "migrate: v1 attempts kept");
    is_int(q_int(path, "SELECT count(*) FROM attempts WHERE session_id IS "
                       "NULL"), 3,
           "migrate: old attempts have no session");
    ok(progress_lesson_fraction(p, "core.list-vs-tuple") == 0.75,
       "migrate: lessons read kept");
    fake_now = 1767226600;
    n = progress_due_list(p, 0, 0, &due);
    is_int(n, 2, "migrate: review state kept (2 due)");
    progress_due_free(due, n);
    {
        char *v = progress_get_setting(p, "name");
        is_str(v, "Ada Lovelace", "migrate: settings kept");
        free(v);
    }
    {
        ProgressSession s = {"interview", NULL, "mid", 7, 30, 5};
        ok(progress_session_begin(p, &s) > 0,
           "migrate: new sessions table usable");
    }
    {
        char *ic = q_text(path, "PRAGMA integrity_check");
        is_str(ic, "ok", "migrate: integrity ok");
        free(ic);
    }
    progress_close(p);
    free(path);

    /* version 0: an existing empty file (e.g. touched by hand) */
    path = tmp("v0.db");
    fclose(fopen(path, "w"));
    p = progress_open(path, 0);
    ok(progress_mode(p) == PROGRESS_RW && attempt(p, "e", "E", 1, 1) > 0,
       "migrate: empty v0 file upgraded and writable");
    progress_close(p);
    free(path);
}

static void test_degraded(void)
{
    char *path = tmp("newer.db");
    Progress *p;
    sqlite3 *db;

    /* a newer schema: read-only, said so, nothing written */
    p = progress_open(path, 0);
    attempt(p, "n.1", "N", 1, 1);
    progress_close(p);
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    p = progress_open(path, 0);
    is_int(progress_mode(p), PROGRESS_READONLY, "degraded: newer -> read-only");
    ok(progress_problem(p) && strstr(progress_problem(p), "newer"),
       "degraded: newer version said so (%s)", progress_problem(p));
    ok(attempt(p, "n.2", "N", 1, 1) < 0, "degraded: newer db not written");
    is_int(progress_reset_count(p, RESET_ALL, NULL), 1,
           "degraded: newer db still readable");
    progress_close(p);
    is_int(q_int(path, "PRAGMA user_version"), 99,
           "degraded: newer version untouched");
    free(path);

    /* a damaged file: in-memory store, file left as it was */
    path = tmp("bad.db");
    {
        FILE *f = fopen(path, "w");
        for (int i = 0; i < 300; i++)
            fputs("this is not a database, it is a shopping list\n", f);
        fclose(f);
    }
    p = progress_open(path, 0);
    is_int(progress_mode(p), PROGRESS_MEMORY, "degraded: damaged -> memory");
    ok(progress_problem(p) && strstr(progress_problem(p), "damaged"),
       "degraded: damage said so (%s)", progress_problem(p));
    ok(attempt(p, "m.1", "M", 1, 1) > 0,
       "degraded: the session still works in memory");
    ok(progress_problem(p) && strstr(progress_problem(p), "damaged"),
       "degraded: the warning stays on screen after a write");
    progress_close(p);
    {
        char *s = util_read_file(path, NULL);
        ok(s && strncmp(s, "this is not a database", 22) == 0,
           "degraded: damaged file not overwritten");
        free(s);
    }
    free(path);

    /* a truncated real database (damage past the header) */
    path = tmp("trunc.db");
    p = progress_open(path, 0);
    for (int i = 0; i < 200; i++)
        attempt(p, "t.x", "T", 1, 1);
    progress_close(p);
    if (truncate(path, 4096 * 3) == 0) {
        p = progress_open(path, 0);
        ok(progress_mode(p) == PROGRESS_MEMORY,
           "degraded: truncated db -> memory (%s)",
           progress_problem(p) ? progress_problem(p) : "no problem");
        progress_close(p);
    }
    free(path);

    /* a lock held by another process: write fails, said, then recovers */
    path = tmp("locked.db");
    progress_set_busy_timeout(100);
    p = progress_open(path, 0);
    sqlite3_open(path, &db);
    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    ok(attempt(p, "l.1", "L", 1, 1) < 0, "degraded: locked write fails");
    ok(progress_problem(p) && strstr(progress_problem(p), "locked"),
       "degraded: lock said so (%s)", progress_problem(p));
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    ok(attempt(p, "l.1", "L", 1, 1) > 0 && progress_problem(p) == NULL,
       "degraded: writes resume when the lock goes");
    progress_close(p);
    progress_set_busy_timeout(5000);

    /* read-only open (report), and a missing one */
    p = progress_open(path, PROGRESS_OPEN_READONLY);
    is_int(progress_mode(p), PROGRESS_READONLY, "degraded: read-only open");
    ok(attempt(p, "l.2", "L", 1, 1) < 0, "degraded: read-only not written");
    is_int(progress_reset_count(p, RESET_ALL, NULL), 1,
           "degraded: read-only open reads");
    progress_close(p);
    free(path);
    path = tmp("missing.db");
    p = progress_open(path, PROGRESS_OPEN_READONLY);
    ok(progress_reset_count(p, RESET_ALL, NULL) == 0 &&
           access(path, F_OK) != 0,
       "degraded: read-only open of a missing db creates nothing");
    progress_close(p);
    free(path);

    /* nowhere to put it */
    p = progress_open("/proc/no/such/dir/p.db", 0);
    is_int(progress_mode(p), PROGRESS_MEMORY,
           "degraded: uncreatable folder -> memory");
    ok(progress_problem(p) && strstr(progress_problem(p), "not saved"),
       "degraded: says progress is not saved (%s)", progress_problem(p));
    progress_close(p);
}

static void test_verdict(void)
{
    char *path = tmp("verdict.db");
    Progress *p = progress_open(path, 0);
    GradeExercise ex;
    GradeVerdict v;

    memset(&ex, 0, sizeof ex);
    memset(&v, 0, sizeof v);
    ex.id = "v.1";
    ex.topic = "V";
    ex.kind = GRADE_EXPLAIN;
    v.score = 0.8;
    v.passed = 1;
    v.hints_used = 2;
    ok(progress_record_verdict(p, &ex, "because", &v, "study", 4.5) > 0,
       "verdict: recorded in one call");
    is_int(q_int(path, "SELECT hints FROM attempts WHERE exercise_id = "
                       "'v.1' AND kind = 'explain' AND mode = 'study' AND "
                       "passed = 1 AND seconds = 4.5"),
           2, "verdict: kind, mode, passed, hints and time stored");
    v.error = "x.lua:3: broken";
    is_int(progress_record_verdict(p, &ex, "because", &v, "study", 0), 0,
           "verdict: a broken exercise's verdict is not recorded");
    is_int(q_int(path, "SELECT count(*) FROM attempts"), 1,
           "verdict: still one attempt");
    progress_close(p);
    free(path);
    setenv("PYPREP_DB", "/x/e.db", 1);
    ok(progress_path_explicit(), "verdict: PYPREP_DB makes the path explicit");
    unsetenv("PYPREP_DB");
    ok(!progress_path_explicit(), "verdict: default path is not explicit");
}

static void test_paths(void)
{
    char *s;
    setenv("PYPREP_DB", "/x/env.db", 1);
    progress_set_path("/x/opt.db");
    s = progress_path_new();
    is_str(s, "/x/opt.db", "path: --db wins");
    free(s);
    progress_set_path(NULL);
    s = progress_path_new();
    is_str(s, "/x/env.db", "path: then PYPREP_DB");
    free(s);
    unsetenv("PYPREP_DB");
    setenv("XDG_DATA_HOME", "/x/data", 1);
    s = progress_path_new();
    is_str(s, "/x/data/pyprep/pyprep.db", "path: then XDG_DATA_HOME");
    free(s);
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/u", 1);
    s = progress_path_new();
    is_str(s, "/home/u/.local/share/pyprep/pyprep.db", "path: default");
    free(s);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/pyprep-progress-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(dir)) {
        printf("1..0 # SKIP no temp dir\n");
        return 0;
    }
    setenv("TZ", "UTC", 1);
    progress_set_clock(fake_clock);
    test_fresh();
    test_records();
    test_days();
    test_migration();
    test_degraded();
    test_verdict();
    test_paths();
    {
        char *cmd = xasprintf("rm -rf '%s'", dir);
        if (system(cmd) != 0)
            tap_diag("could not remove %s", dir);
        free(cmd);
    }
    return tap_done();
}
