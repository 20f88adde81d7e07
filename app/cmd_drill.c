/*
** cmd_drill.c - `pyprep drill [FILE] [--topic T]... [--level L] [--kind K]...
** [--count N] [--minutes M] [--seed S] [--title T] [--list]`.
**
** A drill file is a Lua table a teacher writes (title, topics, level,
** kinds, exercises, count, minutes, seed); it runs in the sandbox like any
** content, and command-line options override it. The same file and
** content give every student the same items. --list prints the items
** instead of opening the trainer (also what a script or test can check);
** --last / --show ID print a saved end screen.
** Exit: 0 done, 2 usage or content error.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "content.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

/* Runs the teacher's chunk in a fresh environment and hands back scalars:
** title, level, count, minutes, seed, then topics, kinds and exercise ids
** each joined by newlines. Type errors name the field. */
static const char drill_loader[] =
    "local src, name = ...\n"
    "local env = {}\n"
    "for k, v in pairs(_G) do env[k] = v end\n"
    "local f, err = load(src, name, 't', env)\n"
    "if not f then error(err, 0) end\n"
    "local t = f()\n"
    "if type(t) ~= 'table' then error(name:sub(2) .. ': a drill file must "
    "return a table', 0) end\n"
    "local function str(k)\n"
    "  local v = t[k]\n"
    "  if v ~= nil and type(v) ~= 'string' then\n"
    "    error(name:sub(2) .. ': ' .. k .. ' must be a string', 0) end\n"
    "  return v\n"
    "end\n"
    "local function int(k)\n"
    "  local v = t[k]\n"
    "  if v ~= nil and math.type(v) ~= 'integer' then\n"
    "    error(name:sub(2) .. ': ' .. k .. ' must be an integer', 0) end\n"
    "  return v\n"
    "end\n"
    "local function list(k)\n"
    "  local v = t[k]\n"
    "  if v == nil then return nil end\n"
    "  if type(v) == 'string' then v = {v} end\n"
    "  if type(v) ~= 'table' then\n"
    "    error(name:sub(2) .. ': ' .. k .. ' must be a list of strings', 0) "
    "end\n"
    "  for i = 1, #v do if type(v[i]) ~= 'string' or v[i]:find('\\n') then\n"
    "    error(name:sub(2) .. ': ' .. k .. '[' .. i .. '] must be a string',"
    " 0) end end\n"
    "  return table.concat(v, '\\n')\n"
    "end\n"
    "for k in pairs(t) do\n"
    "  if type(k) ~= 'string' or not ({title=1, topics=1, level=1, kinds=1,"
    " exercises=1, count=1, minutes=1, seed=1})[k] then\n"
    "    error(name:sub(2) .. ': unknown field ' .. tostring(k), 0) end\n"
    "end\n"
    "local m = t.minutes\n"
    "if m ~= nil and (type(m) ~= 'number' or m < 0) then\n"
    "  error(name:sub(2) .. ': minutes must be a number', 0) end\n"
    "return str('title'), str('level'), int('count'), m, "
    "int('seed'), list('topics'), list('kinds'), list('exercises')\n";

/* Split a newline-joined list into a new array of new strings. */
static char **split(const char *s, int *n)
{
    char **v = NULL;
    *n = 0;
    while (s && *s) {
        const char *e = strchr(s, '\n');
        size_t k = e ? (size_t)(e - s) : strlen(s);
        v = xrealloc(v, (size_t)(*n + 1) * sizeof *v);
        v[(*n)++] = xstrndup(s, k);
        s = e ? e + 1 : s + k;
    }
    return v;
}

typedef struct {
    DrillSpec sp;
    char *own[4];        /* title, level strings we allocated */
    char **lists[3];     /* topics, kinds, ids */
    int nlists[3];
    int have_count, have_minutes, have_seed;
} FileSpec;

static int load_drill_file(const char *path, FileSpec *fs)
{
    size_t len;
    char *src = util_read_file(path, &len), *name;
    Sandbox *sb;
    SandboxValue args[2];
    SandboxResult res;
    int rc = 0;

    if (!src) {
        fprintf(stderr, "%s: drill: cannot read %s\n", progname, path);
        return -1;
    }
    name = xasprintf("@%s", path);
    sb = sandbox_new(NULL);
    memset(args, 0, sizeof args);
    args[0].type = SANDBOX_STRING, args[0].s = src, args[0].len = len;
    args[1].type = SANDBOX_STRING, args[1].s = name;
    args[1].len = strlen(name);
    if (!sb || sandbox_run(sb, drill_loader, sizeof drill_loader - 1,
                           "=drill", args, 2, &res) != SANDBOX_OK) {
        fprintf(stderr, "%s: drill: %s\n", progname,
                sb ? res.message : "cannot start the sandbox");
        rc = -1;
    } else {
        SandboxValue *v = res.values;
        if (res.nvalues > 0 && v[0].type == SANDBOX_STRING)
            fs->sp.title = fs->own[0] = xstrdup(v[0].s);
        if (res.nvalues > 1 && v[1].type == SANDBOX_STRING)
            fs->sp.level = fs->own[1] = xstrdup(v[1].s);
        if (res.nvalues > 2 && v[2].type == SANDBOX_INTEGER)
            fs->sp.count = (int)v[2].i, fs->have_count = 1;
        if (res.nvalues > 3 && v[3].type == SANDBOX_NUMBER)
            fs->sp.minutes = v[3].n, fs->have_minutes = 1;
        else if (res.nvalues > 3 && v[3].type == SANDBOX_INTEGER)
            fs->sp.minutes = (double)v[3].i, fs->have_minutes = 1;
        if (res.nvalues > 4 && v[4].type == SANDBOX_INTEGER)
            fs->sp.seed = (uint64_t)v[4].i, fs->have_seed = 1;
        for (int k = 0; k < 3; k++)
            if (res.nvalues > 5 + k && v[5 + k].type == SANDBOX_STRING)
                fs->lists[k] = split(v[5 + k].s, &fs->nlists[k]);
    }
    if (sb)
        sandbox_result_free(&res);
    sandbox_free(sb);
    free(name);
    free(src);
    return rc;
}

int drill_show_card(const char *mode, int64_t id)
{
    Progress *p = progress_shared();
    char *card = progress_session_card_new(p, mode, id);

    if (!card) {
        fprintf(stderr, "%s: no saved %s%s\n", progname,
                id > 0 ? "session with that id" : mode,
                progress_problem(p) ? " (progress unavailable)" : "");
        return 1;
    }
    fputs(card, stdout);
    free(card);
    return 0;
}

int drill_run(const DrillSpec *sp, int list)
{
    Content *c;
    ExerciseSet *set;
    GradeExercise **sel;
    char err[256];
    int n, rc = 0;

    if (!(c = content_open()))
        return 2;
    if (list) {
        set = exercises_load(&c->root, 1, c);
        n = drill_select(set, sp, &sel, err, sizeof err);
        if (n < 0) {
            fprintf(stderr, "%s: %s: %s\n", progname, sp->mode, err);
            rc = 2;
        }
        for (int i = 0; i < n; i++) {
            /* a follow-up asked right after its parent gets a fifth
            ** column naming it */
            GradeExercise *par = exercises_parent(set, sel[i]);
            printf("%s\t%s\t%s\t%s", sel[i]->id,
                   sel[i]->topic ? sel[i]->topic : "",
                   grade_kind_name(sel[i]->kind),
                   sel[i]->level ? sel[i]->level : "");
            if (par)
                printf("\tFollow-up: after %s", par->id);
            printf("\n");
        }
        if (n > 0)
            free(sel);
        exercises_free(set);
    } else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "%s: %s needs a terminal (or --list)\n", progname,
                sp->mode);
        rc = 2;
    } else {
        Screen *s = screen_drill_new(c, sp, err, sizeof err);
        UiOptions opt = {0};
        if (!s) {
            fprintf(stderr, "%s: %s: %s\n", progname, sp->mode, err);
            rc = 2;
        } else if (ui_init(&opt) < 0) {
            s->free(s);
            rc = 1;
        } else {
            ui_run(s);
        }
    }
    content_free(c);
    return rc;
}

static int drill_usage(void)
{
    fprintf(stderr,
            "usage: %s drill [FILE] [--topic T]... [--level L] [--kind K]..."
            "\n         [--count N] [--minutes M] [--seed S] [--title T] "
            "[--list]\n"
            "       %s drill --last | --show SESSION_ID\n",
            progname, progname);
    return 2;
}

static int int_arg(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || end == s || v < 0 || v > 100000)
        return -1;
    *out = (int)v;
    return 0;
}

int cmd_drill(int argc, char **argv)
{
    FileSpec fs;
    const char *file = NULL;
    char **topics = NULL, **kinds = NULL;
    int ntopics = 0, nkinds = 0, list = 0, rc, count = -1;
    double minutes = -1;
    const char *level = NULL, *title = NULL, *seed = NULL;

    memset(&fs, 0, sizeof fs);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--list") == 0) {
            list = 1;
        } else if (strcmp(a, "--last") == 0 ||
                   (strcmp(a, "--show") == 0 && more)) {
            free(topics);
            free(kinds);
            return drill_show_card("drill",
                                   a[2] == 's' ? atoll(argv[i + 1]) : 0);
        } else if (strcmp(a, "--topic") == 0 && more) {
            topics = xrealloc(topics, (size_t)(ntopics + 1) * sizeof *topics);
            topics[ntopics++] = argv[++i];
        } else if (strcmp(a, "--kind") == 0 && more) {
            if (grade_kind_parse(argv[i + 1]) < 0) {
                fprintf(stderr, "%s: drill: unknown kind '%s'\n", progname,
                        argv[i + 1]);
                free(topics);
                free(kinds);
                return 2;
            }
            kinds = xrealloc(kinds, (size_t)(nkinds + 1) * sizeof *kinds);
            kinds[nkinds++] = argv[++i];
        } else if (strcmp(a, "--level") == 0 && more) {
            level = argv[++i];
        } else if (strcmp(a, "--title") == 0 && more) {
            title = argv[++i];
        } else if (strcmp(a, "--seed") == 0 && more) {
            seed = argv[++i];
        } else if (strcmp(a, "--count") == 0 && more &&
                   int_arg(argv[i + 1], &count) == 0) {
            i++;
        } else if (strcmp(a, "--minutes") == 0 && more &&
                   (minutes = atof(argv[i + 1])) >= 0 && minutes < 1e4) {
            i++;
        } else if (a[0] != '-' && !file) {
            file = a;
        } else {
            free(topics);
            free(kinds);
            return drill_usage();
        }
    }
    if (file && load_drill_file(file, &fs) < 0) {
        free(topics);
        free(kinds);
        return 2;
    }
    fs.sp.mode = "drill";
    if (fs.lists[0])
        fs.sp.topics = fs.lists[0], fs.sp.ntopics = fs.nlists[0];
    if (fs.lists[1])
        fs.sp.kinds = fs.lists[1], fs.sp.nkinds = fs.nlists[1];
    if (fs.lists[2])
        fs.sp.ids = fs.lists[2], fs.sp.nids = fs.nlists[2];
    /* the command line overrides the file */
    if (ntopics)
        fs.sp.topics = topics, fs.sp.ntopics = ntopics;
    if (nkinds)
        fs.sp.kinds = kinds, fs.sp.nkinds = nkinds;
    if (level)
        fs.sp.level = level;
    if (title)
        fs.sp.title = title;
    if (count >= 0)
        fs.sp.count = count, fs.have_count = 1;
    if (minutes >= 0)
        fs.sp.minutes = minutes, fs.have_minutes = 1;
    if (seed) {
        unsigned long long v;
        if (util_parse_seed("drill", "--seed", seed, &v) < 0) {
            rc = 2;
            goto done;
        }
        fs.sp.seed = (uint64_t)v, fs.have_seed = 1;
    }
    if (fs.sp.level) {
        /* a misspelt level would otherwise read as "nothing matches" */
        static const char *const levels[] = {
            "beginner", "intermediate", "advanced", "junior", "mid",
            "senior", NULL};
        int known = 0;
        for (int i = 0; levels[i]; i++)
            known |= strcmp(fs.sp.level, levels[i]) == 0;
        if (!known) {
            fprintf(stderr, "%s: drill: level must be beginner, "
                            "intermediate or advanced, not '%s'\n",
                    progname, fs.sp.level);
            rc = 2;
            goto done;
        }
    }
    if (!fs.have_count)
        fs.sp.count = 10;
    if (!fs.have_minutes)
        fs.sp.minutes = 10;
    if (!fs.have_seed)
        fs.sp.seed = (uint64_t)time(NULL);
    rc = drill_run(&fs.sp, list);
done:
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < fs.nlists[k]; i++)
            free(fs.lists[k][i]);
        free(fs.lists[k]);
    }
    free(fs.own[0]);
    free(fs.own[1]);
    free(topics);
    free(kinds);
    return rc;
}
