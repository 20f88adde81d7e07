/*
** py_emit.c - compile the Python AST to Lua source for the py runtime.
**
** Emitted Lua keeps Python's line numbers (newlines are inserted so a
** statement of Python line N starts on Lua line N), which gives tracebacks
** for free. Python variables become Lua locals named "_" + name (runtime
** helpers never start with "_"), module names are chunk locals or, in REPL
** mode, fields of a persistent table. Every operation that has Python
** semantics goes through a runtime helper (ADD, GI, CM ...); control flow
** maps to Lua's, with try bodies run as closures that return a code for
** return/break/continue crossing them.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int.h"

typedef struct {
    const char **v;
    int n, cap;
} Names;

typedef struct Scope Scope;
struct Scope {
    Scope *parent;
    int kind;          /* 0 module, 1 function, 2 comprehension, 3 class */
    Names locals, globals, nonlocals, defined, deleted;
    Names ints;        /* names only ever holding ints (typed fast path) */
    /* per Lua function: loops and try closures */
    int loops;         /* loops open in the current Lua closure */
    int closure;       /* >0: inside a try closure of this scope */
    int used_codes;    /* codes a try closure returned (bit 1,2,3) */
    int loop_id[64];
    int loop_has_else[64];
    const char *exc_var; /* current except-clause exception temp */
    int nblock;        /* block nesting inside this scope */
    int gen;           /* a generator function: yield calls Y */
    int counted;       /* the function counts Python call depth */
    int cls_id;        /* class body: its namespace is NS<id>, class K<id> */
    const char *qual;  /* __qualname__ of the function or class */
    const char *self;  /* a function's first positional parameter */
};

typedef struct {
    PyCompiler *c;
    char *buf;
    size_t len, cap;
    int oline;
    int flags;
    int tmp;
    int table_mode; /* module names live in G */
    Scope *sc;
    Names escaped;  /* names in any global/nonlocal statement */
} Emit;

static void out(Emit *e, const char *s, size_t n)
{
    if (e->len + n + 1 > e->cap) {
        size_t nc = e->cap ? e->cap * 2 : 65536;
        while (nc < e->len + n + 1)
            nc *= 2;
        char *nb = realloc(e->buf, nc);
        if (!nb)
            py_fail(e->c, PY_ENOMEM, 0, 0, "MemoryError", "out of memory");
        e->buf = nb;
        e->cap = nc;
    }
    memcpy(e->buf + e->len, s, n);
    e->len += n;
    e->buf[e->len] = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\n')
            e->oline++;
}

static void outs(Emit *e, const char *s)
{
    out(e, s, strlen(s));
}

static void __attribute__((format(printf, 2, 3))) outf(Emit *e,
                                                      const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (n < (int)sizeof tmp) {
        out(e, tmp, (size_t)n);
        return;
    }
    /* long names: format again into arena memory, never truncate */
    char *big = py_alloc(e->c, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out(e, big, (size_t)n);
}

/* Move the output to Python line 'line' (never backwards). */
static void at_line(Emit *e, int line)
{
    while (e->oline < line)
        out(e, "\n", 1);
}

/* ---- names ---- */

static int names_has(const Names *n, const char *s)
{
    for (int i = 0; i < n->n; i++)
        if (strcmp(n->v[i], s) == 0)
            return 1;
    return 0;
}

static void names_add(Emit *e, Names *n, const char *s)
{
    if (names_has(n, s))
        return;
    if (n->n == n->cap) {
        int nc = n->cap ? n->cap * 2 : 16;
        const char **nv = py_alloc(e->c, sizeof *nv * (size_t)nc);
        if (n->n)
            memcpy(nv, n->v, sizeof *nv * (size_t)n->n);
        n->v = nv;
        n->cap = nc;
    }
    n->v[n->n++] = s;
}

static void collect_target(Emit *e, Scope *s, PyNode *t)
{
    switch (t->kind) {
    case PN_NAME:
        if (!names_has(&s->globals, t->s) && !names_has(&s->nonlocals, t->s))
            names_add(e, &s->locals, t->s);
        break;
    case PN_TUPLE:
    case PN_LIST:
        for (PyNode *x = t->a; x; x = x->next)
            collect_target(e, s, x);
        break;
    case PN_STARRED:
        collect_target(e, s, t->a);
        break;
    default:
        break;
    }
}

static void collect_decls(Emit *e, Scope *s, PyNode *st)
{
    for (; st; st = st->next) {
        if (st->kind == PN_GLOBAL || st->kind == PN_NONLOCAL) {
            for (PyNode *x = st->a; x; x = x->next) {
                if (s->kind == 0 && st->kind == PN_NONLOCAL)
                    py_syntax(e->c, st->line, st->col, "nonlocal declaration"
                              " not allowed at module level");
                names_add(e, st->kind == PN_GLOBAL ? &s->globals
                                                    : &s->nonlocals, x->s);
            }
        }
        switch (st->kind) {
        case PN_IF: collect_decls(e, s, st->b); collect_decls(e, s, st->c);
            break;
        case PN_WHILE: collect_decls(e, s, st->b); collect_decls(e, s, st->c);
            break;
        case PN_FOR: collect_decls(e, s, st->c); collect_decls(e, s, st->d);
            break;
        case PN_WITH: collect_decls(e, s, st->b);
            break;
        case PN_TRY:
            collect_decls(e, s, st->a);
            for (PyNode *h = st->b; h; h = h->next)
                collect_decls(e, s, h->b);
            collect_decls(e, s, st->c);
            collect_decls(e, s, st->d);
            break;
        default:
            break;
        }
    }
}

static void collect_locals(Emit *e, Scope *s, PyNode *st)
{
    for (; st; st = st->next) {
        switch (st->kind) {
        case PN_ASSIGN:
            for (PyNode *t = st->a; t; t = t->next)
                collect_target(e, s, t);
            break;
        case PN_AUGASSIGN:
            collect_target(e, s, st->a);
            break;
        case PN_FOR:
            collect_target(e, s, st->a);
            collect_locals(e, s, st->c);
            collect_locals(e, s, st->d);
            break;
        case PN_IF:
        case PN_WHILE:
            collect_locals(e, s, st->b);
            collect_locals(e, s, st->c);
            break;
        case PN_TRY:
            collect_locals(e, s, st->a);
            for (PyNode *h = st->b; h; h = h->next) {
                if (h->s) {
                    PyNode tmp = {0};
                    tmp.kind = PN_NAME;
                    tmp.s = h->s;
                    collect_target(e, s, &tmp);
                }
                collect_locals(e, s, h->b);
            }
            collect_locals(e, s, st->c);
            collect_locals(e, s, st->d);
            break;
        case PN_DEF:
        case PN_CLASS: {
            PyNode tmp = {0};
            tmp.kind = PN_NAME;
            tmp.s = st->s;
            collect_target(e, s, &tmp);
            break;
        }
        case PN_WITH:
            for (PyNode *it = st->a; it; it = it->next)
                if (it->b)
                    collect_target(e, s, it->b);
            collect_locals(e, s, st->b);
            break;
        case PN_IMPORT:
            for (PyNode *a = st->a; a; a = a->next) {
                PyNode tmp = {0};
                tmp.kind = PN_NAME;
                if (a->b) {
                    tmp.s = (const char *)a->b;
                } else {
                    const char *dot = strchr(a->s, '.');
                    tmp.s = dot ? py_strdup(e->c, a->s,
                                            (size_t)(dot - a->s)) : a->s;
                }
                collect_target(e, s, &tmp);
            }
            break;
        case PN_FROMIMPORT:
            for (PyNode *a = st->a; a; a = a->next) {
                PyNode tmp = {0};
                tmp.kind = PN_NAME;
                tmp.s = a->b ? (const char *)a->b : a->s;
                collect_target(e, s, &tmp);
            }
            break;
        case PN_DEL:
            collect_target(e, s, st->a);
            if (st->a->kind == PN_NAME)
                names_add(e, &s->deleted, st->a->s);
            break;
        default:
            break;
        }
    }
}

/* The builtins the runtime provides (name -> B["name"]). */
static const char *const builtins[] = {
    "print", "len", "range", "int", "float", "str", "bool", "list",
    "tuple", "dict", "set", "abs", "min", "max", "sum", "round", "sorted",
    "reversed", "enumerate", "zip", "isinstance", "type", "repr", "any",
    "all", "map", "filter", "divmod", "pow", "chr", "ord", "hex", "bin",
    "oct", "iter", "next", "hash", "callable", "frozenset", "format",
    "ascii", "id", "input", "open", "super", "object", "vars", "dir",
    "globals", "locals", "getattr", "setattr", "hasattr", "delattr",
    "issubclass", "slice", "Exception", "BaseException", "ValueError",
    "TypeError", "IndexError", "KeyError", "ZeroDivisionError",
    "ArithmeticError", "LookupError", "AttributeError", "NameError",
    "RuntimeError", "AssertionError", "StopIteration", "OverflowError",
    "MemoryError", "NotImplementedError", "UnboundLocalError",
    "RecursionError", "FloatingPointError", "KeyboardInterrupt",
    "ImportError", "ModuleNotFoundError", "Ellipsis", "NotImplemented",
    "OSError", "ConnectionError", "TimeoutError", "FileNotFoundError",
    "PermissionError", "EOFError", "GeneratorExit", "staticmethod",
    "classmethod", "property",
    "exit", "quit", "__name__", NULL};

static int is_builtin(const char *s)
{
    for (int i = 0; builtins[i]; i++)
        if (strcmp(builtins[i], s) == 0)
            return 1;
    return 0;
}

/* How a name resolves from the current scope. */
enum { R_LOCAL, R_MODULE, R_BUILTIN, R_UNDEF, R_CLASS };

static Scope *module_scope(Emit *e)
{
    Scope *s = e->sc;
    while (s->parent)
        s = s->parent;
    return s;
}

static int resolve(Emit *e, const char *name, Scope **where)
{
    Scope *s = e->sc;
    int explicit_global = 0;
    for (; s; s = s->parent) {
        if (s->kind == 0)
            break;
        /* a class body's names are not visible in the scopes inside it */
        if (s->kind == 3 && s != e->sc)
            continue;
        if (names_has(&s->globals, name)) {
            explicit_global = 1;
            break;
        }
        if (names_has(&s->locals, name)) {
            *where = s;
            return s->kind == 3 ? R_CLASS : R_LOCAL;
        }
    }
    Scope *m = module_scope(e);
    *where = m;
    if (names_has(&m->locals, name) || explicit_global ||
        (e->flags & PY_REPL))
        return (e->flags & PY_REPL) && !names_has(&m->locals, name) &&
                       !explicit_global && is_builtin(name)
                   ? R_BUILTIN : R_MODULE;
    if (is_builtin(name))
        return R_BUILTIN;
    return R_UNDEF;
}

static void emit_varname(Emit *e, const char *name, int kind)
{
    if (kind == R_CLASS)
        outf(e, "NS%d[\"%s\"]", e->sc->cls_id, name);
    else if (kind == R_MODULE && e->table_mode)
        outf(e, "G[\"%s\"]", name);
    else
        outf(e, "_%s", name);
}

/* ---- literals ---- */

static void emit_lua_string(Emit *e, const char *s, size_t n)
{
    out(e, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        char tmp[8];
        if (ch == '"' || ch == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)ch;
            out(e, tmp, 2);
        } else if (ch < 32 || ch == 127) {
            snprintf(tmp, sizeof tmp, "\\%03u", ch);
            out(e, tmp, 4);
        } else {
            out(e, (const char *)&ch, 1);
        }
    }
    out(e, "\"", 1);
}

static void emit_float(Emit *e, double v)
{
    char tmp[64];
    if (v != v) {
        outs(e, "(0.0/0.0)");
        return;
    }
    if (v > 1.7976931348623157e308) {
        outs(e, "(1e309)");
        return;
    }
    if (v < -1.7976931348623157e308) {
        outs(e, "(-1e309)");
        return;
    }
    snprintf(tmp, sizeof tmp, "%.17g", v);
    if (!strpbrk(tmp, ".eEn"))
        strcat(tmp, ".0");
    outf(e, "(%s)", tmp);
}

/* ---- expressions ---- */

static void emit_expr(Emit *e, PyNode *n);
static void emit_cond(Emit *e, PyNode *n);
static void emit_block(Emit *e, PyNode *st);
static void emit_function(Emit *e, PyNode *params, int pflags, PyNode *body,
                          PyNode *expr_body, const char *name, int line);

static const char *const binop_fn[] = {
    "ADD", "SUB", "MUL", "DIV", "FLOORDIV", "MOD", "POW", "MATMUL",
    "LSHIFT", "RSHIFT", "BITOR", "BITXOR", "BITAND"};
static const char *const cmp_fn[] = {
    "LT", "GT", "LE", "GE", "EQ", "NE", "IN", "NOTIN", "IS", "ISNOT"};

/*
** NAMEERR(name, cands): cands returns the names of the frame (locals
** first, then the module's) with their values, from which the runtime
** picks CPython's "Did you mean" suggestion. false when there are too
** many for one Lua closure (the runtime then refuses a suggestion).
*/
static void emit_nameerr(Emit *e, const char *name)
{
    Scope *m = module_scope(e), *s = e->sc;
    int nloc = s->kind != 0 ? s->locals.n : 0;
    outf(e, "NAMEERR(\"%s\", ", name);
    /* (deep inside an expression the closure would take Lua past its
       nesting limit) */
    if (nloc + m->locals.n > 200 || e->c->nest > 120) {
        outs(e, "false)");
        return;
    }
    outs(e, "function() return {");
    for (int i = 0; i < nloc; i++) {
        const char *v = s->locals.v[i];
        if (s->kind == 3)
            outf(e, "\"%s\", NS%d[\"%s\"], ", v, s->cls_id, v);
        else
            outf(e, "\"%s\", _%s, ", v, v);
    }
    for (int i = 0; i < m->locals.n; i++) {
        const char *v = m->locals.v[i];
        if (e->table_mode)
            outf(e, "\"%s\", G[\"%s\"], ", v, v);
        else
            outf(e, "\"%s\", _%s, ", v, v);
    }
    outf(e, "nloc=%d} end)", nloc);
}

static void emit_name(Emit *e, PyNode *n)
{
    Scope *where;
    int k = resolve(e, n->s, &where);
    switch (k) {
    case R_BUILTIN:
        outf(e, "B[\"%s\"]", n->s);
        return;
    case R_UNDEF:
        emit_nameerr(e, n->s);
        return;
    case R_CLASS: {
        /* a class body reads its namespace, then the enclosing scopes */
        Scope *cls = e->sc;
        outf(e, "CLSVAR(NS%d[\"%s\"], function() return ", cls->cls_id,
             n->s);
        e->sc = cls->parent;
        emit_name(e, n);
        e->sc = cls;
        outs(e, " end)");
        return;
    }
    default:
        break;
    }
    int definite = where == e->sc && names_has(&where->defined, n->s) &&
                   !names_has(&where->deleted, n->s);
    if (definite) {
        emit_varname(e, n->s, k);
        return;
    }
    /* unbound check: nil is never a Python value */
    outs(e, "(");
    emit_varname(e, n->s, k);
    outs(e, " == nil and ");
    if (k == R_LOCAL && where->kind == 1)
        outf(e, "UNBOUND(\"%s\")", n->s);
    else if (is_builtin(n->s))
        outf(e, "B[\"%s\"]", n->s); /* globals fall back to builtins */
    else
        emit_nameerr(e, n->s);
    outs(e, " or ");
    emit_varname(e, n->s, k);
    outs(e, ")");
}

static void emit_list_items(Emit *e, PyNode *items)
{
    int n = 0;
    outs(e, "{");
    for (PyNode *x = items; x; x = x->next, n++) {
        emit_expr(e, x);
        outs(e, ", ");
    }
    outf(e, "n=%d}", n);
}

static int has_starred(PyNode *items)
{
    for (PyNode *x = items; x; x = x->next)
        if (x->kind == PN_STARRED)
            return 1;
    return 0;
}

/* Items with *x spliced: STARLIST(tag, a, tag, b ...). */
static void emit_star_items(Emit *e, PyNode *items)
{
    outs(e, "STARLIST({");
    int n = 0;
    for (PyNode *x = items; x; x = x->next, n++) {
        if (x->kind == PN_STARRED) {
            outs(e, "true, ");
            emit_expr(e, x->a);
        } else {
            outs(e, "false, ");
            emit_expr(e, x);
        }
        outs(e, ", ");
    }
    outf(e, "n=%d})", n * 2);
}

static Scope *push_scope(Emit *e, int kind)
{
    Scope *s = py_alloc(e->c, sizeof *s);
    s->parent = e->sc;
    s->kind = kind;
    e->sc = s;
    return s;
}

static void pop_scope(Emit *e)
{
    e->sc = e->sc->parent;
}

/* Assign the Lua value in 'src' (an expression text) to a target. */
static void emit_assign_to(Emit *e, PyNode *t, const char *src);

/*
** Comprehension loops. Emits "for ... do" headers (with the if filters)
** and returns how many "end"s close them.
*/
static int emit_comp_loops(Emit *e, PyNode *clauses, const char *first_iter)
{
    int ends = 0, first = 1;
    for (PyNode *cl = clauses; cl; cl = cl->next) {
        if (cl->kind == PN_COMPFOR) {
            int t = ++e->tmp;
            if (first) {
                outf(e, " for t%d in ITER(%s) do ", t, first_iter);
            } else {
                outf(e, " for t%d in ITER(", t);
                emit_expr(e, cl->b);
                outs(e, ") do ");
            }
            char src[32];
            snprintf(src, sizeof src, "t%d", t);
            emit_assign_to(e, cl->a, src);
            first = 0;
            ends++;
        } else {
            outs(e, " if ");
            emit_cond(e, cl->a);
            outs(e, " then ");
            ends++;
        }
    }
    return ends;
}

static void comp_scope_locals(Emit *e, Scope *s, PyNode *clauses)
{
    for (PyNode *cl = clauses; cl; cl = cl->next)
        if (cl->kind == PN_COMPFOR)
            collect_target(e, s, cl->a);
}

static void emit_comp_decls(Emit *e, Scope *s)
{
    for (int i = 0; i < s->locals.n; i++)
        outf(e, " local _%s;", s->locals.v[i]);
}

static int int_range(Emit *e, PyNode *iter);
static const char *emit_int_value(Emit *e, PyNode *n);
static int int_expr(Emit *e, PyNode *n);

/*
** [expr for name in range(...)]: a numeric for over checked bounds, and
** for an int element, straight integer code (the benchmark's shape).
*/
static int emit_range_listcomp(Emit *e, PyNode *n)
{
    PyNode *cl = n->b;
    if (n->kind != PN_LISTCOMP || cl->next || cl->a->kind != PN_NAME ||
        !int_range(e, cl->b))
        return 0;
    PyNode *iter = cl->b;
    int nargs = 0;
    for (PyNode *a = iter->b; a; a = a->next)
        nargs++;
    long long step = 1;
    if (nargs == 3) {
        PyNode *st = iter->b->next->next->a;
        step = st->kind == PN_INT ? st->ival : -st->a->ival;
    }
    int id = ++e->tmp;
    outf(e, "(function(a%d, b%d) local r, rn = {}, 0;", id, id);
    Scope *s = push_scope(e, 2);
    names_add(e, &s->locals, cl->a->s);
    names_add(e, &s->ints, cl->a->s);
    names_add(e, &s->defined, cl->a->s);
    outf(e, " local _%s;", cl->a->s);
    outf(e, " for i%d = a%d, b%d %s 1, %lld do _%s = i%d;", id, id, id,
         step > 0 ? "-" : "+", step, cl->a->s, id);
    if (int_expr(e, n->a) && n->a->kind != PN_INT &&
        n->a->kind != PN_NAME) {
        outs(e, " do");
        const char *v = emit_int_value(e, n->a);
        outf(e, " rn = rn + 1; r[rn] = %s end", v);
    } else {
        outs(e, " rn = rn + 1; r[rn] = ");
        emit_expr(e, n->a);
    }
    outs(e, " end r.n = rn; return LISTMT(r) end)(RANGEARGS(");
    pop_scope(e);
    emit_expr(e, iter->b->a);
    if (nargs > 1) {
        outs(e, ", ");
        emit_expr(e, iter->b->next->a);
    }
    outs(e, "))");
    return 1;
}

static void emit_comprehension(Emit *e, PyNode *n)
{
    if (emit_range_listcomp(e, n))
        return;
    /* The first iterable is evaluated in the enclosing scope. */
    int it = ++e->tmp;
    outf(e, "(function(it%d) local r, rn = ", it);
    switch (n->kind) {
    case PN_LISTCOMP: outs(e, "{}, 0;"); break;
    case PN_SETCOMP: outs(e, "NEWSET(), 0;"); break;
    case PN_DICTCOMP: outs(e, "NEWDICT(), 0;"); break;
    default: outs(e, "nil, 0;"); break;
    }
    Scope *s = push_scope(e, 2);
    comp_scope_locals(e, s, n->b);
    emit_comp_decls(e, s);
    if (n->kind == PN_GENEXP)
        outs(e, " return GEN(function(Y) ");
    char first[32];
    snprintf(first, sizeof first, "it%d", it);
    int ends = emit_comp_loops(e, n->b, first);
    switch (n->kind) {
    case PN_LISTCOMP:
        outs(e, " rn = rn + 1; r[rn] = ");
        emit_expr(e, n->a);
        break;
    case PN_SETCOMP:
        outs(e, " SETADD(r, ");
        emit_expr(e, n->a);
        outs(e, ")");
        break;
    case PN_DICTCOMP:
        outs(e, " SETITEM(r, ");
        emit_expr(e, n->a->a);
        outs(e, ", ");
        emit_expr(e, n->a->b);
        outs(e, ")");
        break;
    default:
        outs(e, " Y(");
        emit_expr(e, n->a);
        outs(e, ")");
        break;
    }
    for (int i = 0; i < ends; i++)
        outs(e, " end");
    pop_scope(e);
    if (n->kind == PN_LISTCOMP)
        outs(e, " r.n = rn; return LISTMT(r) end)(");
    else if (n->kind == PN_GENEXP)
        outs(e, " end) end)(");
    else
        outs(e, " return r end)(");
    PyNode *firstfor = n->b;
    emit_expr(e, firstfor->b);
    outs(e, ")");
}

/* Expressions that can never be Lua-false (nil/false): safe in a and/or. */
static int never_false(PyNode *n)
{
    switch (n->kind) {
    case PN_INT: case PN_FLOAT: case PN_STR: case PN_FSTR: case PN_NONE:
    case PN_TRUE: case PN_TUPLE: case PN_LIST: case PN_DICT: case PN_SET:
    case PN_LISTCOMP: case PN_DICTCOMP: case PN_SETCOMP: case PN_LAMBDA:
        return 1;
    case PN_BINOP:
        return n->op <= PO_MATMUL;
    case PN_UNARY:
        return n->op != PO_INVERT;
    default:
        return 0;
    }
}

/*
** The typed fast path. A name is "int" in a scope when every binding of
** it there is an int expression: literals, int names, + - * // % and
** unary minus of ints, or a range() loop variable. Such expressions are
** emitted as straight Lua integer arithmetic with inline overflow checks
** (a wrapped result is refused, as any int beyond 64 bits), so hot loops
** make no runtime calls. Everything else goes through the helpers.
*/
static int is_builtin_call(Emit *e, PyNode *n, const char *name);

/* Nodes of an expression, capped: each typed temp is a Lua local. */
static int expr_size(PyNode *n)
{
    if (!n)
        return 0;
    int k = 1 + expr_size(n->a);
    if (k > 64)
        return k;
    return k + expr_size(n->b);
}

static int int_expr(Emit *e, PyNode *n)
{
    if (expr_size(n) > 40) /* Lua allows 200 locals per function */
        return 0;
    switch (n->kind) {
    case PN_INT:
        return 1;
    case PN_NAME:
        return names_has(&e->sc->ints, n->s) &&
               names_has(&e->sc->locals, n->s);
    case PN_BINOP:
        return (n->op == PO_ADD || n->op == PO_SUB || n->op == PO_MUL ||
                n->op == PO_FLOORDIV || n->op == PO_MOD) &&
               int_expr(e, n->a) && int_expr(e, n->b);
    case PN_UNARY:
        return n->op == PO_NEG && int_expr(e, n->a);
    default:
        return 0;
    }
}

/* range(a[, b[, c]]) with int arguments and a literal non-zero step. */
static int int_range(Emit *e, PyNode *iter)
{
    int nargs = 0;
    if (!is_builtin_call(e, iter, "range"))
        return 0;
    for (PyNode *a = iter->b; a; a = a->next, nargs++)
        if (a->s || a->op || !int_expr(e, a->a))
            return 0;
    if (nargs < 1 || nargs > 3)
        return 0;
    if (nargs == 3) {
        PyNode *st = iter->b->next->next->a;
        if (!(st->kind == PN_INT && st->ival != 0) &&
            !(st->kind == PN_UNARY && st->op == PO_NEG &&
              st->a->kind == PN_INT && st->a->ival != 0))
            return 0;
    }
    return 1;
}

static void names_del(Names *n, const char *s)
{
    for (int i = 0; i < n->n; i++)
        if (strcmp(n->v[i], s) == 0) {
            n->v[i] = n->v[--n->n];
            return;
        }
}

static void drop_target(Emit *e, PyNode *t, int *changed)
{
    if (t->kind == PN_NAME) {
        if (names_has(&e->sc->ints, t->s)) {
            names_del(&e->sc->ints, t->s);
            *changed = 1;
        }
    } else if (t->kind == PN_TUPLE || t->kind == PN_LIST) {
        for (PyNode *x = t->a; x; x = x->next)
            drop_target(e, x, changed);
    } else if (t->kind == PN_STARRED) {
        drop_target(e, t->a, changed);
    }
}

static void drop_name(Emit *e, const char *name, int *changed)
{
    PyNode tmp = {0};
    tmp.kind = PN_NAME;
    tmp.s = name;
    drop_target(e, &tmp, changed);
}

static void infer_pass(Emit *e, PyNode *st, int *changed)
{
    for (; st; st = st->next) {
        switch (st->kind) {
        case PN_ASSIGN:
            for (PyNode *t = st->a; t; t = t->next)
                if (t->kind != PN_NAME || !int_expr(e, st->b))
                    drop_target(e, t, changed);
            break;
        case PN_AUGASSIGN:
            if (!(st->op == PO_ADD || st->op == PO_SUB ||
                  st->op == PO_MUL || st->op == PO_FLOORDIV ||
                  st->op == PO_MOD) || !int_expr(e, st->b))
                drop_target(e, st->a, changed);
            break;
        case PN_FOR:
            if (st->a->kind != PN_NAME || !int_range(e, st->b))
                drop_target(e, st->a, changed);
            infer_pass(e, st->c, changed);
            infer_pass(e, st->d, changed);
            break;
        case PN_IF:
        case PN_WHILE:
            infer_pass(e, st->b, changed);
            infer_pass(e, st->c, changed);
            break;
        case PN_TRY:
            infer_pass(e, st->a, changed);
            for (PyNode *h = st->b; h; h = h->next) {
                if (h->s)
                    drop_name(e, h->s, changed);
                infer_pass(e, h->b, changed);
            }
            infer_pass(e, st->c, changed);
            infer_pass(e, st->d, changed);
            break;
        case PN_DEF:
        case PN_CLASS:
            drop_name(e, st->s, changed);
            break;
        case PN_WITH:
            for (PyNode *it = st->a; it; it = it->next)
                if (it->b)
                    drop_target(e, it->b, changed);
            infer_pass(e, st->b, changed);
            break;
        case PN_IMPORT:
        case PN_FROMIMPORT:
            for (PyNode *a = st->a; a; a = a->next) {
                const char *nm = a->b ? (const char *)a->b : a->s;
                drop_name(e, nm, changed);
                if (strchr(a->s, '.') && !a->b) {
                    const char *dot = strchr(a->s, '.');
                    drop_name(e, py_strdup(e->c, a->s,
                                           (size_t)(dot - a->s)), changed);
                }
            }
            break;
        case PN_DEL:
            drop_target(e, st->a, changed);
            break;
        default:
            break;
        }
    }
}

static void collect_escaped(Emit *e, PyNode *st)
{
    for (; st; st = st->next) {
        if (st->kind == PN_GLOBAL || st->kind == PN_NONLOCAL)
            for (PyNode *x = st->a; x; x = x->next)
                names_add(e, &e->escaped, x->s);
        collect_escaped(e, st->kind == PN_DEF || st->kind == PN_CLASS ||
                               st->kind == PN_WITH ? st->b : NULL);
        if (st->kind == PN_IF || st->kind == PN_WHILE) {
            collect_escaped(e, st->b);
            collect_escaped(e, st->c);
        } else if (st->kind == PN_FOR) {
            collect_escaped(e, st->c);
            collect_escaped(e, st->d);
        } else if (st->kind == PN_TRY) {
            collect_escaped(e, st->a);
            for (PyNode *h = st->b; h; h = h->next)
                collect_escaped(e, h->b);
            collect_escaped(e, st->c);
            collect_escaped(e, st->d);
        }
    }
}

/* Fill e->sc->ints for a scope whose locals are known. */
static void infer_ints(Emit *e, PyNode *body)
{
    Scope *s = e->sc;
    if (e->flags & PY_REPL)
        return;
    for (int i = 0; i < s->locals.n; i++)
        if (!names_has(&e->escaped, s->locals.v[i]))
            names_add(e, &s->ints, s->locals.v[i]);
    int changed = 1;
    while (changed) {
        changed = 0;
        infer_pass(e, body, &changed);
    }
}

/*
** Emit statements computing an int expression into a fresh local and
** return the Lua text of its value (a literal, a variable or a temp).
** The caller has opened a "do" block for the temps.
*/
static const char *emit_int_value(Emit *e, PyNode *n)
{
    char buf[300];
    if (n->kind == PN_INT) {
        if (n->ival < 0)
            snprintf(buf, sizeof buf, "(%lld)", (long long)n->ival);
        else
            snprintf(buf, sizeof buf, "%lld", (long long)n->ival);
        return py_strdup(e->c, buf, strlen(buf));
    }
    if (n->kind == PN_NAME) {
        Scope *where;
        int k = resolve(e, n->s, &where);
        int definite = names_has(&where->defined, n->s) &&
                       !names_has(&where->deleted, n->s);
        if (k == R_MODULE && e->table_mode)
            snprintf(buf, sizeof buf, "G[\"%s\"]", n->s);
        else
            snprintf(buf, sizeof buf, "_%s", n->s);
        if (!definite) {
            outf(e, " if %s == nil then ", buf);
            if (k == R_LOCAL && where->kind == 1)
                outf(e, "UNBOUND(\"%s\")", n->s);
            else
                emit_nameerr(e, n->s);
            outs(e, " end;");
        }
        return py_strdup(e->c, buf, strlen(buf));
    }
    if (n->kind == PN_UNARY) {
        const char *a = emit_int_value(e, n->a);
        int t = ++e->tmp;
        outf(e, " if %s == math.mininteger then R.refuse(\"integers beyond "
             "64 bits\") end; local n%d = -%s;", a, t, a);
        snprintf(buf, sizeof buf, "n%d", t);
        return py_strdup(e->c, buf, strlen(buf));
    }
    const char *a = emit_int_value(e, n->a);
    const char *b = emit_int_value(e, n->b);
    int t = ++e->tmp;
    switch (n->op) {
    case PO_ADD:
        outf(e, " local n%d = %s + %s; if (%s ~ n%d) & (%s ~ n%d) < 0 then "
             "R.refuse(\"integers beyond 64 bits\") end;", t, a, b, a, t,
             b, t);
        break;
    case PO_SUB:
        outf(e, " local n%d = %s - %s; if (%s ~ %s) & (%s ~ n%d) < 0 then "
             "R.refuse(\"integers beyond 64 bits\") end;", t, a, b, a, b,
             a, t);
        break;
    case PO_MUL: {
        /* small literals need no range test */
        int sa = n->a->kind == PN_INT && n->a->ival < 0x7fffffff &&
                 n->a->ival > -0x7fffffff;
        int sb = n->b->kind == PN_INT && n->b->ival < 0x7fffffff &&
                 n->b->ival > -0x7fffffff;
        char ca[1024] = "", cb[1024] = "";
        if (!sa)
            snprintf(ca, sizeof ca, "%s < 0x7fffffff and %s > -0x7fffffff",
                     a, a);
        if (!sb)
            snprintf(cb, sizeof cb, "%s < 0x7fffffff and %s > -0x7fffffff",
                     b, b);
        if (sa && sb)
            outf(e, " local n%d = %s * %s;", t, a, b);
        else
            outf(e, " local n%d; if %s%s%s then n%d = %s * %s else n%d = "
                 "MUL(%s, %s) end;", t, ca, (!sa && !sb) ? " and " : "",
                 cb, t, a, b, t, a, b);
        break;
    }
    case PO_FLOORDIV:
        if (n->b->kind == PN_INT && n->b->ival != 0 && n->b->ival != -1)
            outf(e, " local n%d = %s // %s;", t, a, b);
        else
            outf(e, " local n%d; if %s == 0 or %s == -1 then n%d = "
                 "FLOORDIV(%s, %s) else n%d = %s // %s end;", t, b, b, t, a,
                 b, t, a, b);
        break;
    default: /* PO_MOD */
        if (n->b->kind == PN_INT && n->b->ival != 0)
            outf(e, " local n%d = %s %% %s;", t, a, b);
        else
            outf(e, " local n%d; if %s == 0 then n%d = MOD(%s, %s) else "
                 "n%d = %s %% %s end;", t, b, t, a, b, t, a, b);
        break;
    }
    snprintf(buf, sizeof buf, "n%d", t);
    return py_strdup(e->c, buf, strlen(buf));
}

/* An int comparison of two leaves, emitted as a Lua boolean, or 0. */
static int emit_int_compare(Emit *e, PyNode *n)
{
    static const char *const lua_cmp[] = {"<", ">", "<=", ">=", "==",
                                          "~="};
    if (n->kind != PN_COMPARE || n->b->next || n->b->op > PO_NE)
        return 0;
    PyNode *l = n->a, *r = n->b->a;
    PyNode *leaves[2] = {l, r};
    for (int i = 0; i < 2; i++) {
        PyNode *x = leaves[i];
        if (x->kind == PN_INT)
            continue;
        if (x->kind != PN_NAME || !int_expr(e, x))
            return 0;
        Scope *where;
        (void)resolve(e, x->s, &where);
        if (where != e->sc || !names_has(&where->defined, x->s) ||
            names_has(&where->deleted, x->s))
            return 0;
    }
    outs(e, "(");
    emit_expr(e, l);
    outf(e, " %s ", lua_cmp[n->b->op - PO_LT]);
    emit_expr(e, r);
    outs(e, ")");
    return 1;
}

static void emit_call(Emit *e, PyNode *n)
{
    PyNode *fn = n->a;
    int npos = 0, nkw = 0, star = 0;
    for (PyNode *a = n->b; a; a = a->next) {
        if (a->op == 1 || a->op == 2)
            star = 1;
        else if (a->s)
            nkw++;
        else
            npos++;
    }
    if (fn->kind == PN_NAME && strcmp(fn->s, "super") == 0 && !n->b) {
        /* zero-argument super(): the class being defined and the
           method's first argument, as CPython's __class__ cell */
        Scope *where, *f = e->sc;
        if (resolve(e, "super", &where) == R_BUILTIN) {
            if (f->kind != 1 || !f->parent || f->parent->kind != 3 ||
                !f->self)
                py_unsupported(e->c, n->line, "super() outside a method");
            outf(e, "SUPER(K%d, _%s)", f->parent->cls_id, f->self);
            return;
        }
    }
    if (star) {
        /* CALLSTAR(f, {flag, value ...}): flags 0 pos, 1 *, 2 **, or a
           keyword name string */
        outs(e, "CALLSTAR(");
        emit_expr(e, fn);
        outs(e, ", {");
        int k = 0;
        for (PyNode *a = n->b; a; a = a->next, k++) {
            if (a->s)
                emit_lua_string(e, a->s, strlen(a->s));
            else
                outf(e, "%d", a->op);
            outs(e, ", ");
            emit_expr(e, a->a);
            outs(e, ", ");
        }
        outf(e, "n=%d})", k * 2);
        return;
    }
    int method = fn->kind == PN_ATTR;
    if (nkw) {
        outs(e, method ? "CMK(" : "CALLK(");
    } else {
        outs(e, method ? "CM(" : "");
    }
    if (method) {
        emit_expr(e, fn->a);
        outs(e, ", ");
        emit_lua_string(e, fn->s, strlen(fn->s));
    } else if (nkw) {
        emit_expr(e, fn);
    } else {
        if (fn->kind == PN_NAME || fn->kind == PN_CALL ||
            fn->kind == PN_SUBSCRIPT) {
            emit_expr(e, fn);
        } else {
            outs(e, "(");
            emit_expr(e, fn);
            outs(e, ")");
        }
        outs(e, "(");
    }
    int k = 0;
    if (nkw)
        outf(e, ", %d", npos);
    for (PyNode *a = n->b; a; a = a->next) {
        if (a->s)
            continue;
        if (k++ || method || nkw)
            outs(e, ", ");
        emit_expr(e, a->a);
    }
    for (PyNode *a = n->b; a; a = a->next) {
        if (!a->s)
            continue;
        outs(e, ", ");
        emit_lua_string(e, a->s, strlen(a->s));
        outs(e, ", ");
        emit_expr(e, a->a);
    }
    outs(e, ")");
}

static void emit_fstring(Emit *e, PyNode *n)
{
    int k = 0;
    outs(e, "(");
    for (PyNode *p = n->a; p; p = p->next, k++) {
        if (k)
            outs(e, " .. ");
        if (p->kind == PN_STR) {
            emit_lua_string(e, p->s, p->slen);
            continue;
        }
        outs(e, "FMT(");
        if (p->op == 'r')
            outs(e, "REPR(");
        else if (p->op == 's')
            outs(e, "STR(");
        else if (p->op == 'a')
            outs(e, "ASCII(");
        emit_expr(e, p->a);
        if (p->op)
            outs(e, ")");
        outs(e, ", ");
        if (p->b)
            emit_fstring(e, p->b);
        else
            outs(e, "\"\"");
        outs(e, ")");
    }
    if (k == 0)
        outs(e, "\"\"");
    outs(e, ")");
}

static void emit_expr(Emit *e, PyNode *n)
{
    /* Lua's parser stops near 200 levels (LUAI_MAXCCALLS), less what
       encloses the expression; count what each node's Lua costs it: a
       call or operand one, a display (`LISTMT({...})`) two, a called
       closure (value and/or, conditional expressions, comprehensions,
       lambdas) three */
    int levels;
    switch (n->kind) {
    case PN_LIST: case PN_TUPLE: case PN_DICT: case PN_SET:
        levels = 2;
        break;
    case PN_AND: case PN_OR: case PN_IFEXP: case PN_LAMBDA:
    case PN_LISTCOMP: case PN_SETCOMP: case PN_DICTCOMP: case PN_GENEXP:
        levels = 3;
        break;
    default:
        levels = 1;
    }
    e->c->nest += levels;
    if (e->c->nest > 170)
        py_unsupported(e->c, n->line, "expressions nested this deeply");
    switch (n->kind) {
    case PN_NAME:
        emit_name(e, n);
        break;
    case PN_INT:
        if (n->ival < 0)
            outf(e, "(%lld)", (long long)n->ival);
        else
            outf(e, "%lld", (long long)n->ival);
        break;
    case PN_FLOAT:
        emit_float(e, n->fval);
        break;
    case PN_STR:
        emit_lua_string(e, n->s, n->slen);
        break;
    case PN_FSTR:
        emit_fstring(e, n);
        break;
    case PN_NONE: outs(e, "NONE"); break;
    case PN_TRUE: outs(e, "true"); break;
    case PN_FALSE: outs(e, "false"); break;
    case PN_ELLIPSIS: outs(e, "ELLIPSIS"); break;
    case PN_BINOP:
        outf(e, "%s(", binop_fn[n->op]);
        emit_expr(e, n->a);
        outs(e, ", ");
        emit_expr(e, n->b);
        outs(e, ")");
        break;
    case PN_UNARY:
        if (n->op == PO_NEG && n->a->kind == PN_INT &&
            n->a->ival > 0) {
            outf(e, "(-%lld)", (long long)n->a->ival);
            break;
        }
        outs(e, n->op == PO_NEG ? "NEG(" : n->op == PO_POS ? "POS("
                                                          : "INVERT(");
        emit_expr(e, n->a);
        outs(e, ")");
        break;
    case PN_NOT:
        outs(e, "(not ");
        emit_cond(e, n->a);
        outs(e, ")");
        break;
    case PN_AND:
    case PN_OR: {
        int t = ++e->tmp;
        outf(e, "(function() local t%d = ", t);
        emit_expr(e, n->a);
        outf(e, "; if %sTRUTH(t%d) then return t%d end; return ",
             n->kind == PN_AND ? "not " : "", t, t);
        emit_expr(e, n->b);
        outs(e, " end)()");
        break;
    }
    case PN_COMPARE:
        if (!n->b->next) {
            outf(e, "%s(", cmp_fn[n->b->op - PO_LT]);
            emit_expr(e, n->a);
            outs(e, ", ");
            emit_expr(e, n->b->a);
            outs(e, ")");
        } else {
            int t = ++e->tmp;
            outf(e, "(function() local l%d, r%d, c%d = ", t, t, t);
            emit_expr(e, n->a);
            outs(e, ";");
            for (PyNode *r = n->b; r; r = r->next) {
                outf(e, " r%d = ", t);
                emit_expr(e, r->a);
                outf(e, "; c%d = %s(l%d, r%d);", t, cmp_fn[r->op - PO_LT],
                     t, t);
                if (r->next)
                    outf(e, " if not TRUTH(c%d) then return c%d end;"
                         " l%d = r%d;", t, t, t, t);
            }
            outf(e, " return c%d end)()", t);
        }
        break;
    case PN_CALL:
        emit_call(e, n);
        break;
    case PN_ATTR:
        outs(e, "GA(");
        emit_expr(e, n->a);
        outs(e, ", ");
        emit_lua_string(e, n->s, strlen(n->s));
        outs(e, ")");
        break;
    case PN_SUBSCRIPT:
        outs(e, "GI(");
        emit_expr(e, n->a);
        if (n->b->kind == PN_TUPLE && n->b->a && !has_starred(n->b->a)) {
            for (PyNode *x = n->b->a; x; x = x->next) {
                outs(e, ", ");
                emit_expr(e, x);
            }
            outs(e, ")");
        } else {
            outs(e, ", ");
            emit_expr(e, n->b);
            outs(e, ")");
        }
        break;
    case PN_SLICE:
        outs(e, "SLICE(");
        if (n->a) emit_expr(e, n->a); else outs(e, "NONE");
        outs(e, ", ");
        if (n->b) emit_expr(e, n->b); else outs(e, "NONE");
        outs(e, ", ");
        if (n->c) emit_expr(e, n->c); else outs(e, "NONE");
        outs(e, ")");
        break;
    case PN_TUPLE:
    case PN_LIST:
    case PN_SET:
        outs(e, n->kind == PN_TUPLE ? "TUPLEMT(" : n->kind == PN_LIST
                                                      ? "LISTMT("
                                                      : "MKSET(");
        if (has_starred(n->a))
            emit_star_items(e, n->a);
        else
            emit_list_items(e, n->a);
        outs(e, ")");
        break;
    case PN_DICT: {
        int k = 0;
        outs(e, "MKDICT({");
        for (PyNode *kv = n->a; kv; kv = kv->next, k++) {
            if (kv->a)
                emit_expr(e, kv->a);
            else
                outs(e, "R.SPREAD"); /* {**mapping} */
            outs(e, ", ");
            emit_expr(e, kv->b);
            outs(e, ", ");
        }
        outf(e, "n=%d})", k * 2);
        break;
    }
    case PN_LISTCOMP:
    case PN_SETCOMP:
    case PN_DICTCOMP:
    case PN_GENEXP:
        emit_comprehension(e, n);
        break;
    case PN_IFEXP:
        if (never_false(n->a)) {
            outs(e, "(");
            emit_cond(e, n->b);
            outs(e, " and ");
            emit_expr(e, n->a);
            outs(e, " or ");
            emit_expr(e, n->c);
            outs(e, ")");
        } else {
            outs(e, "(function() if ");
            emit_cond(e, n->b);
            outs(e, " then return ");
            emit_expr(e, n->a);
            outs(e, " end return ");
            emit_expr(e, n->c);
            outs(e, " end)()");
        }
        break;
    case PN_LAMBDA:
        emit_function(e, n->a, n->op, NULL, n->b, "<lambda>", n->line);
        break;
    case PN_YIELDEXPR:
        if (!e->sc->gen)
            py_syntax(e->c, n->line, n->col, "'yield' outside function");
        if (n->op == 1) {
            outs(e, "YFROM(Y, ");
            emit_expr(e, n->a);
        } else {
            outs(e, "Y(");
            if (n->a)
                emit_expr(e, n->a);
            else
                outs(e, "NONE");
        }
        outs(e, ")");
        break;
    case PN_STARRED:
        py_syntax(e->c, n->line, n->col,
                  "can't use starred expression here");
    default:
        py_syntax(e->c, n->line, n->col, "invalid syntax");
    }
    e->c->nest -= levels;
}

/* A condition: emits a Lua boolean expression. */
static void emit_cond(Emit *e, PyNode *n)
{
    switch (n->kind) {
    case PN_AND:
    case PN_OR:
    case PN_NOT:
        /* `(a and b)`, `(not a)`: two levels of Lua's parser each, on
           the count emit_expr keeps */
        e->c->nest += 2;
        if (e->c->nest > 170)
            py_unsupported(e->c, n->line, "expressions nested this deeply");
        outs(e, n->kind == PN_NOT ? "(not " : "(");
        if (n->kind != PN_NOT) {
            emit_cond(e, n->a);
            outs(e, n->kind == PN_AND ? " and " : " or ");
            emit_cond(e, n->b);
        } else {
            emit_cond(e, n->a);
        }
        outs(e, ")");
        e->c->nest -= 2;
        return;
    case PN_TRUE: outs(e, "true"); return;
    case PN_FALSE: outs(e, "false"); return;
    case PN_COMPARE:
        if (emit_int_compare(e, n))
            return;
        /* fall through */
    default:
        outs(e, "TRUTH(");
        emit_expr(e, n);
        outs(e, ")");
    }
}

/* ---- assignment ---- */

static void emit_assign_name(Emit *e, const char *name, const char *src)
{
    Scope *where;
    int k = resolve(e, name, &where);
    if (k == R_BUILTIN || k == R_UNDEF)
        k = R_MODULE; /* only reachable via 'global' */
    emit_varname(e, name, k);
    outf(e, " = %s;", src);
}

static void emit_assign_to(Emit *e, PyNode *t, const char *src)
{
    switch (t->kind) {
    case PN_NAME:
        outs(e, " ");
        emit_assign_name(e, t->s, src);
        return;
    case PN_ATTR:
        outs(e, " SETATTR(");
        emit_expr(e, t->a);
        outs(e, ", ");
        emit_lua_string(e, t->s, strlen(t->s));
        outf(e, ", %s);", src);
        return;
    case PN_SUBSCRIPT:
        outs(e, " SETITEM(");
        emit_expr(e, t->a);
        outs(e, ", ");
        emit_expr(e, t->b);
        outf(e, ", %s);", src);
        return;
    case PN_TUPLE:
    case PN_LIST: {
        int n = 0, starat = -1, base = e->tmp + 1;
        for (PyNode *x = t->a; x; x = x->next, n++)
            if (x->kind == PN_STARRED) {
                if (starat >= 0)
                    py_syntax(e->c, x->line, x->col, "multiple starred "
                              "expressions in assignment");
                starat = n;
            }
        e->tmp += n;
        if (n == 0) {
            /* [] = x: only checks that x is empty */
            outf(e, " UNPACK(%s, 0, -1);", src);
            return;
        }
        outs(e, " do local ");
        for (int i = 0; i < n; i++)
            outf(e, "%st%d", i ? ", " : "", base + i);
        outf(e, " = UNPACK(%s, %d, %d);", src, n, starat);
        int i = 0;
        for (PyNode *x = t->a; x; x = x->next, i++) {
            char s2[32];
            snprintf(s2, sizeof s2, "t%d", base + i);
            emit_assign_to(e, x->kind == PN_STARRED ? x->a : x, s2);
        }
        outs(e, " end;");
        return;
    }
    default:
        py_syntax(e->c, t->line, t->col, "cannot assign to expression");
    }
}

static void mark_defined(Emit *e, PyNode *t)
{
    if (t->kind == PN_NAME) {
        if (e->sc->kind != 2)
            names_add(e, &e->sc->defined, t->s);
    } else if (t->kind == PN_TUPLE || t->kind == PN_LIST) {
        for (PyNode *x = t->a; x; x = x->next)
            mark_defined(e, x);
    } else if (t->kind == PN_STARRED) {
        mark_defined(e, t->a);
    }
}

/* ---- statements ---- */

static void emit_return_code(Emit *e, int code, const char *val);
static void emit_class(Emit *e, PyNode *st);
static void emit_with(Emit *e, PyNode *item, PyNode *body);
static const char *qualify(Emit *e, const char *name);

static void emit_break(Emit *e)
{
    Scope *s = e->sc;
    if (s->loops == 0) {
        if (s->closure) {
            s->used_codes |= 2;
            outs(e, " do return 2 end;");
            return;
        }
        py_syntax(e->c, 0, 0, "'break' outside loop");
    }
    if (s->loop_has_else[s->loops - 1])
        outf(e, " brk%d = true;", s->loop_id[s->loops - 1]);
    outs(e, " break;");
}

static void emit_continue(Emit *e)
{
    Scope *s = e->sc;
    if (s->loops == 0) {
        if (s->closure) {
            s->used_codes |= 4;
            outs(e, " do return 3 end;");
            return;
        }
        py_syntax(e->c, 0, 0, "'continue' not properly in loop");
    }
    outf(e, " goto cont%d;", s->loop_id[s->loops - 1]);
}

static void emit_return_code(Emit *e, int code, const char *val)
{
    (void)code;
    Scope *s = e->sc;
    if (s->closure) {
        s->used_codes |= 1;
        outf(e, " do return 1, %s end;", val);
    } else if (s->counted) {
        outf(e, " do R.depth = pdep - 1; return %s end;", val);
    } else {
        outf(e, " do return %s end;", val);
    }
}

static void loop_begin(Emit *e, int has_else, int id)
{
    Scope *s = e->sc;
    if (s->loops >= 63)
        py_unsupported(e->c, 0, "loops nested this deeply");
    s->loop_id[s->loops] = id;
    s->loop_has_else[s->loops] = has_else;
    s->loops++;
}

static void loop_end(Emit *e)
{
    e->sc->loops--;
}

static int is_builtin_call(Emit *e, PyNode *n, const char *name)
{
    Scope *where;
    return n->kind == PN_CALL && n->a->kind == PN_NAME &&
           strcmp(n->a->s, name) == 0 &&
           resolve(e, name, &where) == R_BUILTIN;
}

static void emit_for(Emit *e, PyNode *st)
{
    int id = ++e->tmp, it = ++e->tmp;
    int has_else = st->d != NULL;
    PyNode *iter = st->b;
    int nargs = 0, simple = 1;
    if (is_builtin_call(e, iter, "range")) {
        for (PyNode *a = iter->b; a; a = a->next, nargs++)
            if (a->s || a->op)
                simple = 0;
        if (nargs < 1 || nargs > 3)
            simple = 0;
        if (nargs == 3) {
            PyNode *step = iter->b->next->next->a;
            if (!(step->kind == PN_INT ||
                  (step->kind == PN_UNARY && step->op == PO_NEG &&
                   step->a->kind == PN_INT)))
                simple = 0;
            else if (step->kind == PN_INT && step->ival == 0)
                simple = 0;
        }
    } else {
        simple = 0;
    }
    outs(e, " do");
    if (has_else)
        outf(e, " local brk%d = false;", id);
    if (simple) {
        /* numeric for over range(): bounds are checked ints */
        PyNode *a1 = iter->b->a, *a2 = nargs > 1 ? iter->b->next->a : NULL;
        long long step = 1;
        if (nargs == 3) {
            PyNode *s = iter->b->next->next->a;
            step = s->kind == PN_INT ? s->ival : -s->a->ival;
        }
        outf(e, " local a%d, b%d = RANGEARGS(", it, it);
        emit_expr(e, a1);
        if (a2) {
            outs(e, ", ");
            emit_expr(e, a2);
        }
        outs(e, ");");
        loop_begin(e, has_else, id);
        outf(e, " for i%d = a%d, b%d %s 1, %lld do ", it, it, it,
             step > 0 ? "-" : "+", step);
        char src[32];
        snprintf(src, sizeof src, "i%d", it);
        emit_assign_to(e, st->a, src);
    } else {
        outf(e, " local it%d = ITER(", it);
        emit_expr(e, iter);
        outs(e, ");");
        loop_begin(e, has_else, id);
        outf(e, " for v%d in it%d do ", it, it);
        char src[32];
        snprintf(src, sizeof src, "v%d", it);
        emit_assign_to(e, st->a, src);
    }
    emit_block(e, st->c);
    outf(e, " ::cont%d:: end;", id);
    loop_end(e);
    if (has_else) {
        outf(e, " if not brk%d then ", id);
        emit_block(e, st->d);
        outs(e, " end;");
    }
    outs(e, " end;");
}

static void emit_def(Emit *e, PyNode *st)
{
    char src[300];
    int id = ++e->tmp, nd = 0;
    snprintf(src, sizeof src, "f%d", id);
    outs(e, " do");
    /* decorator expressions run first, top to bottom */
    for (PyNode *d = st->c; d; d = d->next, nd++) {
        outf(e, " local dec%d_%d = ", id, nd);
        emit_expr(e, d->a);
        outs(e, ";");
    }
    outf(e, " local %s = ", src);
    emit_function(e, st->a, st->op, st->b, NULL, st->s, st->line);
    outs(e, ";");
    /* then apply bottom-up */
    for (int k = nd - 1; k >= 0; k--)
        outf(e, " %s = dec%d_%d(%s);", src, id, k, src);
    emit_assign_name(e, st->s, src);
    outs(e, " end;");
}

static void emit_import(Emit *e, PyNode *st)
{
    static const char *const mods[] = {"numpy", "math", "time", "random",
                                       "numpy.linalg", "numpy.random",
                                       "functools", "itertools", "copy",
                                       "contextlib", "json", "inspect",
                                       "io", "csv", NULL};
    if (st->kind == PN_IMPORT) {
        for (PyNode *a = st->a; a; a = a->next) {
            int ok = 0;
            for (int i = 0; mods[i]; i++)
                ok |= strcmp(mods[i], a->s) == 0;
            if (!ok)
                py_unsupported(e->c, st->line, "module '%s'", a->s);
            char src[300];
            if (a->b || !strchr(a->s, '.')) {
                snprintf(src, sizeof src, "IMPORT(\"%s\")", a->s);
                outs(e, " ");
                emit_assign_name(e, a->b ? (const char *)a->b : a->s, src);
            } else {
                const char *dot = strchr(a->s, '.');
                char top[256];
                snprintf(top, sizeof top, "%.*s", (int)(dot - a->s), a->s);
                snprintf(src, sizeof src, "IMPORT(\"%s\")", top);
                outf(e, " IMPORT(\"%s\");", a->s);
                outs(e, " ");
                emit_assign_name(e, py_strdup(e->c, top, strlen(top)), src);
            }
        }
        return;
    }
    int ok = 0;
    for (int i = 0; mods[i]; i++)
        ok |= strcmp(mods[i], st->s) == 0;
    if (!ok)
        py_unsupported(e->c, st->line, "module '%s'", st->s);
    for (PyNode *a = st->a; a; a = a->next) {
        char src[600];
        snprintf(src, sizeof src, "IMPORTFROM(\"%s\", \"%s\")", st->s, a->s);
        outs(e, " ");
        emit_assign_name(e, a->b ? (const char *)a->b : a->s, src);
    }
}

/*
** The body of a try or with statement becomes a closure: loops outside it
** cannot be left with 'break' there, so return/break/continue become
** codes the closure returns (cc<id>, value cv<id>), dispatched after it.
*/
typedef struct {
    int loops, closure, codes;
    const char *exc_var;
} ClosureSave;

static void closure_open(Emit *e, ClosureSave *sv)
{
    Scope *s = e->sc;
    sv->loops = s->loops;
    sv->closure = s->closure;
    sv->codes = s->used_codes;
    sv->exc_var = s->exc_var;
    s->loops = 0;
    s->closure++;
    s->used_codes = 0;
}

/* Restore the scope; returns the codes the closure used. */
static int closure_close(Emit *e, const ClosureSave *sv)
{
    Scope *s = e->sc;
    int codes = s->used_codes;
    s->loops = sv->loops;
    s->closure = sv->closure;
    s->used_codes = sv->codes;
    s->exc_var = sv->exc_var;
    return codes;
}

/* Dispatch the codes of closure <id> and close the statement's block. */
static void closure_dispatch(Emit *e, int codes, int id)
{
    if (codes & 1) {
        char vv[32];
        snprintf(vv, sizeof vv, "cv%d", id);
        outf(e, " if cc%d == 1 then", id);
        emit_return_code(e, 1, vv);
        outs(e, " end;");
    }
    if (codes & 2) {
        outf(e, " if cc%d == 2 then", id);
        emit_break(e);
        outs(e, " end;");
    }
    if (codes & 4) {
        outf(e, " if cc%d == 3 then", id);
        emit_continue(e);
        outs(e, " end;");
    }
    outs(e, " end;");
}

/*
** try/except/else/finally. The body runs in a closure under pcall; the
** handlers and else run in a second closure (so 'finally' can run after
** them whatever happens). Closures return 1 (+value) for return, 2 for
** break, 3 for continue; the code is dispatched after.
*/
static void emit_try(Emit *e, PyNode *st)
{
    Scope *s = e->sc;
    int id = ++e->tmp;
    ClosureSave sv;
    int codes;

    closure_open(e, &sv);
    /* an exception unwinds Python frames: the call depth goes back;
       R.HANDLING is the exception a handler is handling (the
       __context__ of any raised meanwhile) */
    /* without finally nothing has to run after a handler raises: the
       outer closure is then called directly, not under PCALL */
    outf(e, " do local dsv%d, hs%d = R.depth, R.HANDLING; local oc%d, "
         "cc%d, cv%d = %s(function()", id, id, id, id, id,
         st->d ? "PCALL" : "true, ");
    if (st->b || st->c) {
        outf(e, " local ok%d, c%d, v%d = PCALL(function()", id, id, id);
        emit_block(e, st->a);
        outf(e, " end, TB); R.depth = dsv%d;", id);
        outf(e, " if ok%d then if c%d then return c%d, v%d end;", id, id,
             id, id);
        if (st->c)
            emit_block(e, st->c);
        outs(e, " else");
        outf(e, " local x%d = EXC(c%d); R.HANDLING = x%d;", id, id, id);
        int first = 1;
        for (PyNode *h = st->b; h; h = h->next) {
            char ev[32];
            snprintf(ev, sizeof ev, "x%d", id);
            if (h->a) {
                outs(e, first ? " if EXCMATCH(" : " elseif EXCMATCH(");
                outf(e, "x%d, ", id);
                emit_expr(e, h->a);
                outs(e, ") then");
            } else {
                outs(e, first ? " if true then" : " else");
            }
            first = 0;
            s->exc_var = py_strdup(e->c, ev, strlen(ev));
            if (h->s) {
                outs(e, " ");
                emit_assign_name(e, h->s, ev);
            }
            emit_block(e, h->b);
            if (h->s) {
                /* Python deletes the name after the handler */
                outs(e, " ");
                emit_assign_name(e, h->s, "nil");
            }
            if (!h->a)
                break;
        }
        if (st->b && st->b->a) {
            PyNode *last = st->b;
            while (last->next)
                last = last->next;
            if (last->a)
                outf(e, " else RERAISE(x%d)", id);
        }
        outs(e, " end end");
    } else {
        emit_block(e, st->a);
    }
    outf(e, " end%s; R.depth = dsv%d; R.HANDLING = hs%d;",
         st->d ? ", TB)" : ")()", id, id);
    codes = closure_close(e, &sv);
    if (st->d)
        emit_block(e, st->d);
    outf(e, " if not oc%d then RERAISE(cc%d) end;", id, id);
    closure_dispatch(e, codes, id);
}

/*
** class Name(bases): body. The body runs inline in a scope of kind 3
** whose names live in the table NS<id> (which keeps their order); the
** class object is K<id>, a local the methods capture for super().
*/
static void emit_class(Emit *e, PyNode *st)
{
    int id = ++e->tmp, nd = 0, nb = 0;
    outs(e, " do");
    for (PyNode *d = st->c; d; d = d->next, nd++) {
        outf(e, " local dec%d_%d = ", id, nd);
        emit_expr(e, d->a);
        outs(e, ";");
    }
    outf(e, " local K%d; local bs%d = {", id, id);
    for (PyNode *a = st->a; a; a = a->next) {
        if (a->s || a->op)
            py_unsupported(e->c, st->line, "%s",
                           a->s && strcmp(a->s, "metaclass") == 0
                               ? "metaclasses"
                               : "class keyword arguments or * bases");
        emit_expr(e, a->a);
        outs(e, ", ");
        nb++;
    }
    const char *qual = qualify(e, st->s);
    outf(e, "n=%d}; local NS%d = R.namespace();", nb, id);
    Scope *s = push_scope(e, 3);
    s->cls_id = id;
    s->qual = qual;
    collect_decls(e, s, st->b);
    collect_locals(e, s, st->b);
    emit_block(e, st->b);
    pop_scope(e);
    outf(e, " K%d = CLASS(", id);
    emit_lua_string(e, st->s, strlen(st->s));
    outs(e, ", ");
    emit_lua_string(e, qual, strlen(qual));
    outf(e, ", bs%d, NS%d, ", id, id);
    if (st->b && st->b->kind == PN_EXPR && st->b->a->kind == PN_STR)
        emit_lua_string(e, st->b->a->s, st->b->a->slen);
    else
        outs(e, "NONE");
    outs(e, ");");
    char src[32];
    snprintf(src, sizeof src, "K%d", id);
    for (int k = nd - 1; k >= 0; k--)
        outf(e, " %s = dec%d_%d(%s);", src, id, k, src);
    emit_assign_name(e, st->s, src);
    outs(e, " end;");
}

/*
** with a as x, b as y: body. Each manager's body runs in a closure under
** PCALL as try bodies do; WITHEXIT calls __exit__ with the exception (or
** Nones) and says whether an exception is swallowed.
*/
static void emit_with(Emit *e, PyNode *item, PyNode *body)
{
    int id = ++e->tmp, codes;
    ClosureSave sv;
    outf(e, " do local m%d = ", id);
    emit_expr(e, item->a);
    outf(e, "; local wx%d, wv%d = WITHENTER(m%d); local dsv%d = R.depth;"
         " local oc%d, cc%d, cv%d = PCALL(function()", id, id, id, id, id,
         id, id);
    closure_open(e, &sv);
    if (item->b) {
        char src[32];
        snprintf(src, sizeof src, "wv%d", id);
        emit_assign_to(e, item->b, src);
    }
    if (item->next)
        emit_with(e, item->next, body);
    else
        emit_block(e, body);
    outf(e, " end, TB); R.depth = dsv%d;", id);
    codes = closure_close(e, &sv);
    outf(e, " if oc%d then WITHEXIT(wx%d) else local x%d = EXC(cc%d);"
         " if not WITHEXIT(wx%d, x%d) then RERAISE(x%d) end; cc%d = nil"
         " end;", id, id, id, id, id, id, id, id);
    closure_dispatch(e, codes, id);
}

static void emit_stmt(Emit *e, PyNode *st)
{
    at_line(e, st->line);
    switch (st->kind) {
    case PN_EXPR: {
        PyNode *x = st->a;
        if ((e->flags & PY_REPL) && e->sc->kind == 0 && e->sc->nblock == 0) {
            /* the REPL shows the value of a top-level expression */
            outs(e, " R.display(");
            emit_expr(e, x);
            outs(e, ");");
        } else if (x->kind == PN_CALL) {
            outs(e, " ");
            emit_expr(e, x);
            outs(e, ";");
        } else {
            outs(e, " EX(");
            emit_expr(e, x);
            outs(e, ");");
        }
        break;
    }
    case PN_ASSIGN: {
        PyNode *v = st->b;
        if (!st->a->next && st->a->kind == PN_NAME &&
            int_expr(e, st->a) && int_expr(e, v) && v->kind != PN_INT &&
            v->kind != PN_NAME) {
            outs(e, " do");
            const char *val = emit_int_value(e, v);
            outs(e, " ");
            emit_assign_name(e, st->a->s, val);
            outs(e, " end;");
        } else if (!st->a->next && st->a->kind == PN_NAME &&
                   e->sc->kind != 3) {
            char src[64];
            int t = ++e->tmp;
            snprintf(src, sizeof src, "t%d", t);
            Scope *where;
            int k = resolve(e, st->a->s, &where);
            if (k == R_BUILTIN || k == R_UNDEF)
                k = R_MODULE;
            outs(e, " ");
            emit_varname(e, st->a->s, k);
            outs(e, " = ");
            emit_expr(e, v);
            outs(e, ";");
        } else if (!st->a->next && st->a->kind == PN_TUPLE &&
                   v->kind == PN_TUPLE && !has_starred(st->a->a) &&
                   !has_starred(v->a)) {
            int n1 = 0, n2 = 0;
            for (PyNode *x = st->a->a; x; x = x->next)
                n1++;
            for (PyNode *x = v->a; x; x = x->next)
                n2++;
            if (n1 != n2)
                goto general;
            int base = e->tmp + 1;
            e->tmp += n1;
            outs(e, " do local ");
            for (int i = 0; i < n1; i++)
                outf(e, "%st%d", i ? ", " : "", base + i);
            outs(e, " = ");
            int i = 0;
            for (PyNode *x = v->a; x; x = x->next, i++) {
                if (i)
                    outs(e, ", ");
                emit_expr(e, x);
            }
            outs(e, ";");
            i = 0;
            for (PyNode *x = st->a->a; x; x = x->next, i++) {
                char src[32];
                snprintf(src, sizeof src, "t%d", base + i);
                emit_assign_to(e, x, src);
            }
            outs(e, " end;");
        } else {
        general:;
            int t = ++e->tmp;
            char src[32];
            snprintf(src, sizeof src, "t%d", t);
            outf(e, " do local %s = ", src);
            emit_expr(e, v);
            outs(e, ";");
            for (PyNode *tg = st->a; tg; tg = tg->next)
                emit_assign_to(e, tg, src);
            outs(e, " end;");
        }
        if (e->sc->nblock == (e->sc->kind == 1))
            for (PyNode *tg = st->a; tg; tg = tg->next)
                mark_defined(e, tg);
        break;
    }
    case PN_AUGASSIGN: {
        static const char *const iop[] = {
            "IADD", "ISUB", "IMUL", "IDIV", "IFLOORDIV", "IMOD", "IPOW",
            "IMATMUL", "ILSHIFT", "IRSHIFT", "IBITOR", "IBITXOR",
            "IBITAND"};
        PyNode *t = st->a;
        if (t->kind == PN_NAME && int_expr(e, t) && int_expr(e, st->b) &&
            (st->op == PO_ADD || st->op == PO_SUB || st->op == PO_MUL ||
             st->op == PO_FLOORDIV || st->op == PO_MOD)) {
            PyNode bin = {0};
            bin.kind = PN_BINOP;
            bin.op = st->op;
            bin.a = t;
            bin.b = st->b;
            bin.line = st->line;
            outs(e, " do");
            const char *val = emit_int_value(e, &bin);
            outs(e, " ");
            emit_assign_name(e, t->s, val);
            outs(e, " end;");
        } else if (t->kind == PN_NAME) {
            Scope *where;
            int k = resolve(e, t->s, &where);
            if (k == R_BUILTIN || k == R_UNDEF)
                k = R_MODULE;
            outs(e, " ");
            emit_varname(e, t->s, k);
            outf(e, " = %s(", iop[st->op]);
            emit_name(e, t);
            outs(e, ", ");
            emit_expr(e, st->b);
            outs(e, ");");
        } else if (t->kind == PN_ATTR) {
            int id = ++e->tmp;
            outf(e, " do local o%d = ", id);
            emit_expr(e, t->a);
            outf(e, "; SETATTR(o%d, ", id);
            emit_lua_string(e, t->s, strlen(t->s));
            outf(e, ", %s(GA(o%d, ", iop[st->op], id);
            emit_lua_string(e, t->s, strlen(t->s));
            outs(e, "), ");
            emit_expr(e, st->b);
            outs(e, ")) end;");
        } else {
            int id = ++e->tmp;
            outf(e, " do local o%d, k%d = ", id, id);
            emit_expr(e, t->a);
            outs(e, ", ");
            emit_expr(e, t->b);
            outf(e, "; SETITEM(o%d, k%d, %s(GI(o%d, k%d), ", id, id,
                 iop[st->op], id, id);
            emit_expr(e, st->b);
            outs(e, ")) end;");
        }
        break;
    }
    case PN_IF: {
        outs(e, " if ");
        emit_cond(e, st->a);
        outs(e, " then");
        emit_block(e, st->b);
        PyNode *els = st->c;
        if (els) {
            if (els->kind == PN_IF && !els->next) {
                /* elif chain: emitted as nested if inside else */
                outs(e, " else");
                emit_stmt(e, els);
            } else {
                outs(e, " else");
                emit_block(e, els);
            }
        }
        outs(e, " end;");
        break;
    }
    case PN_WHILE: {
        int id = ++e->tmp;
        int has_else = st->c != NULL;
        outs(e, " do");
        if (has_else)
            outf(e, " local brk%d = false;", id);
        loop_begin(e, has_else, id);
        outs(e, " while ");
        emit_cond(e, st->a);
        outs(e, " do");
        emit_block(e, st->b);
        outf(e, " ::cont%d:: end;", id);
        loop_end(e);
        if (has_else) {
            outf(e, " if not brk%d then ", id);
            emit_block(e, st->c);
            outs(e, " end;");
        }
        outs(e, " end;");
        break;
    }
    case PN_FOR:
        emit_for(e, st);
        break;
    case PN_BREAK:
        emit_break(e);
        break;
    case PN_CONTINUE:
        emit_continue(e);
        break;
    case PN_PASS:
    case PN_GLOBAL:
    case PN_NONLOCAL:
        break;
    case PN_YIELD: {
        Scope *g = e->sc;
        if (!g->gen)
            py_syntax(e->c, st->line, st->col, "'yield' outside function");
        if (st->op == 1) {
            outs(e, " EX(YFROM(Y, ");
            emit_expr(e, st->a);
            outs(e, "));");
        } else {
            outs(e, " Y(");
            if (st->a)
                emit_expr(e, st->a);
            else
                outs(e, "NONE");
            outs(e, ");");
        }
        break;
    }
    case PN_RETURN: {
        if (e->sc->kind == 0)
            py_syntax(e->c, st->line, st->col, "'return' outside function");
        if (!st->a) {
            emit_return_code(e, 1, "NONE");
            break;
        }
        int t = ++e->tmp;
        outf(e, " do local r%d = ", t);
        emit_expr(e, st->a);
        outs(e, ";");
        char src[32];
        snprintf(src, sizeof src, "r%d", t);
        emit_return_code(e, 1, src);
        outs(e, " end;");
        break;
    }
    case PN_DEF:
        emit_def(e, st);
        break;
    case PN_IMPORT:
    case PN_FROMIMPORT:
        emit_import(e, st);
        break;
    case PN_TRY:
        emit_try(e, st);
        break;
    case PN_CLASS:
        emit_class(e, st);
        break;
    case PN_WITH:
        emit_with(e, st->a, st->b);
        break;
    case PN_RAISE:
        if (!st->a) {
            if (e->sc->exc_var)
                outf(e, " RERAISE(%s);", e->sc->exc_var);
            else
                outs(e, " RAISE(nil);");
        } else {
            /* inside a handler the exception being handled becomes the
               new one's __context__ */
            outs(e, st->b ? " RAISEFROM(" : " RAISE(");
            emit_expr(e, st->a);
            outf(e, ", %s", e->sc->exc_var ? e->sc->exc_var : "nil");
            if (st->b) {
                outs(e, ", ");
                emit_expr(e, st->b);
            }
            outs(e, ");");
        }
        break;
    case PN_ASSERT:
        outs(e, " if not ");
        emit_cond(e, st->a);
        outs(e, " then RAISE(B.AssertionError(");
        if (st->b)
            emit_expr(e, st->b);
        outs(e, ")) end;");
        break;
    case PN_DEL: {
        PyNode *t = st->a;
        PyNode one = *t;
        PyNode *items = t->kind == PN_TUPLE ? t->a : &one;
        one.next = NULL;
        for (PyNode *x = items; x; x = x->next) {
            if (x->kind == PN_NAME) {
                outs(e, " EX(");
                emit_name(e, x); /* raises if unbound */
                outs(e, "); ");
                emit_assign_name(e, x->s, "nil");
            } else if (x->kind == PN_SUBSCRIPT) {
                outs(e, " DELITEM(");
                emit_expr(e, x->a);
                outs(e, ", ");
                emit_expr(e, x->b);
                outs(e, ");");
            } else {
                py_unsupported(e->c, st->line, "del of this target");
            }
        }
        break;
    }
    default:
        py_syntax(e->c, st->line, st->col, "invalid syntax");
    }
}

static void emit_block(Emit *e, PyNode *st)
{
    if (++e->sc->nblock > 100)
        py_syntax(e->c, st ? st->line : 0, 0, "too many statically nested "
                  "blocks");
    for (; st; st = st->next)
        emit_stmt(e, st);
    e->sc->nblock--;
}

/* Whether a subtree yields (statements or expressions; nested scopes
   are not looked into). */
static int node_yields(const PyNode *n)
{
    for (; n; n = n->next) {
        switch (n->kind) {
        case PN_YIELD:
        case PN_YIELDEXPR:
            return 1;
        case PN_DEF: case PN_CLASS: case PN_LAMBDA: case PN_IMPORT:
        case PN_FROMIMPORT: case PN_LISTCOMP: case PN_SETCOMP:
        case PN_DICTCOMP: case PN_GENEXP:
            continue;
        default:
            if (node_yields(n->a) || node_yields(n->b) ||
                node_yields(n->c) || node_yields(n->d))
                return 1;
        }
    }
    return 0;
}

/*
** Whether a generator body has code CPython runs when the generator is
** closed or collected (finally blocks, with statements, bare except):
** the runtime then refuses to let such a generator be abandoned.
*/
static int node_cleanup(const PyNode *n)
{
    for (; n; n = n->next) {
        switch (n->kind) {
        case PN_WITH:
            return 1;
        case PN_TRY:
            if (n->d)
                return 1;
            for (const PyNode *h = n->b; h; h = h->next)
                if (!h->a)
                    return 1;
            break;
        case PN_DEF: case PN_CLASS: case PN_LAMBDA: case PN_IMPORT:
        case PN_FROMIMPORT:
            continue;
        default:
            break;
        }
        if (node_cleanup(n->a) || node_cleanup(n->b) ||
            node_cleanup(n->c) || node_cleanup(n->d))
            return 1;
    }
    return 0;
}

/* The __qualname__ of a function or class named 'name' defined here. */
static const char *qualify(Emit *e, const char *name)
{
    Scope *p = e->sc;
    while (p && p->kind == 2)
        p = p->parent;
    if (!p || p->kind == 0 || !p->qual)
        return name;
    size_t n = strlen(p->qual) + strlen(name) + 16;
    char *q = py_alloc(e->c, n);
    snprintf(q, n, "%s.%s%s", p->qual, p->kind == 1 ? "<locals>." : "",
             name);
    return q;
}

/*
** A def or lambda: DEF(fn, name, nparams, ndefaults, flags, names...)
** registers the signature so keyword calls can bind. Defaults are
** evaluated now, into locals the closure captures.
*/
static void emit_function(Emit *e, PyNode *params, int pflags, PyNode *body,
                          PyNode *expr_body, const char *name, int line)
{
    int id = ++e->tmp, np = 0, nd = 0;
    const char *qual = qualify(e, name);
    for (PyNode *p = params; p; p = p->next) {
        if (!p->op)
            np++;
        if (p->a && !p->op)
            nd++;
    }
    /* evaluate defaults in the enclosing scope */
    outs(e, "(function(");
    int k = 0;
    for (PyNode *p = params; p; p = p->next)
        if (p->a) {
            k++;
            outf(e, "%sd%d_%d", k > 1 ? ", " : "", id, k);
        }
    /* positional defaults are kept for __defaults__ */
    int npd = 0;
    for (PyNode *p = params; p; p = p->next)
        if (p->a && !p->op)
            npd++;
    outs(e, npd ? ") return R.DEFAULTS(DEF(function("
                : ") return DEF(function(");
    k = 0;
    for (PyNode *p = params; p; p = p->next)
        if (!p->op)
            outf(e, "%s_%s", k++ ? ", " : "", p->s);
    int var = pflags != 0;
    if (var)
        outs(e, k ? ", ..." : "...");
    else
        outs(e, k ? ", ..." : "...");
    outs(e, ")");
    Scope *s = push_scope(e, 1);
    s->qual = qual;
    for (PyNode *p = params; p; p = p->next) {
        names_add(e, &s->locals, p->s);
        names_add(e, &s->defined, p->s);
        if (!s->self && !p->op)
            s->self = p->s;
    }
    if (body) {
        collect_decls(e, s, body);
        collect_locals(e, s, body);
        infer_ints(e, body);
        /* parameters are of unknown type */
        for (PyNode *p = params; p; p = p->next)
            names_del(&s->ints, p->s);
        int changed = 1;
        while (changed) {
            changed = 0;
            infer_pass(e, body, &changed);
        }
    }
    /* locals that are not parameters */
    for (int i = 0; i < s->locals.n; i++) {
        int isparam = 0;
        for (PyNode *p = params; p; p = p->next)
            isparam |= strcmp(p->s, s->locals.v[i]) == 0;
        if (!isparam)
            outf(e, " local _%s;", s->locals.v[i]);
    }
    if (s->locals.n > 180)
        py_unsupported(e->c, line, "functions with this many variables");
    /* CPython stops at 1000 frames; we refuse well before (never run a
       recursion CPython would have stopped) */
    s->counted = expr_body || !node_yields(body);
    if (s->counted)
        outs(e, " local pdep = R.depth + 1; if pdep > 900 then R.deep() "
                "end; R.depth = pdep;");
    /* prologue: extra args, varargs, defaults, missing arguments */
    if (var) {
        for (PyNode *p = params; p; p = p->next)
            if (p->op)
                outf(e, " local _%s;", p->s);
        outs(e, " ");
        k = 0;
        for (PyNode *p = params; p; p = p->next)
            if (!p->op)
                outf(e, "%s_%s", k++ ? ", " : "", p->s);
        for (PyNode *p = params; p; p = p->next)
            if (p->op)
                outf(e, "%s_%s", k++ ? ", " : "", p->s);
        outf(e, " = VARARGS(%d, %d, {", np, pflags);
        for (PyNode *p = params; p; p = p->next)
            if (p->op == 3)
                outf(e, "\"%s\", ", p->s);
        outs(e, "}, ");
        emit_lua_string(e, qual, strlen(qual));
        outf(e, ", %d, ", np - nd);
        k = 0;
        for (PyNode *p = params; p; p = p->next)
            if (!p->op)
                outf(e, "_%s, ", p->s);
        outs(e, "...);");
    } else {
        outf(e, " if ... ~= nil then TOOMANY(\"%s\", %d, %d, ...) end;",
             qual, np, np - nd);
    }
    /* missing required arguments are all named, as CPython does */
    for (int kind = 0; kind <= 3; kind += 3) {
        int nreq = 0;
        for (PyNode *p = params; p; p = p->next)
            if (p->op == kind && !p->a)
                nreq++;
        if (!nreq)
            continue;
        outs(e, " if ");
        int j = 0;
        for (PyNode *p = params; p; p = p->next)
            if (p->op == kind && !p->a)
                outf(e, "%s_%s == nil", j++ ? " or " : "", p->s);
        outf(e, " then R.MISSINGALL(\"%s\", {", qual);
        for (PyNode *p = params; p; p = p->next)
            if (p->op == kind && !p->a)
                outf(e, "\"%s\", ", p->s);
        outf(e, "}, %s", kind ? "\"keyword-only\"" : "\"positional\"");
        for (PyNode *p = params; p; p = p->next)
            if (p->op == kind && !p->a)
                outf(e, ", _%s", p->s);
        outs(e, ") end;");
    }
    k = 0;
    for (PyNode *p = params; p; p = p->next) {
        if (p->a) {
            k++;
            outf(e, " if _%s == nil then _%s = d%d_%d end;", p->s, p->s,
                 id, k);
        }
    }
    if (expr_body) {
        outs(e, " local r = ");
        emit_expr(e, expr_body);
        outs(e, "; R.depth = pdep - 1; return r end");
    } else if (node_yields(body)) {
        /* a generator: calling it makes a coroutine-backed iterator */
        s->gen = 1;
        outs(e, " do return GEN(function(Y)");
        emit_block(e, body);
        outf(e, " end%s) end return NONE end",
             node_cleanup(body) ? ", true" : "");
    } else {
        emit_block(e, body);
        outs(e, " R.depth = pdep - 1; return NONE end");
    }
    pop_scope(e);
    outs(e, ", ");
    emit_lua_string(e, qual, strlen(qual));
    outf(e, ", %d, %d, %d, ", np, nd, pflags);
    /* the docstring, for __doc__ */
    if (body && body->kind == PN_EXPR && body->a->kind == PN_STR)
        emit_lua_string(e, body->a->s, body->a->slen);
    else
        outs(e, "NONE");
    for (PyNode *p = params; p; p = p->next)
        if (!p->op)
            outf(e, ", \"%s\"", p->s);
    if (npd) {
        outs(e, "), {");
        k = 0;
        for (PyNode *p = params; p; p = p->next)
            if (p->a) {
                k++;
                if (!p->op)
                    outf(e, "d%d_%d, ", id, k);
            }
        outf(e, "n=%d}", npd);
    }
    outs(e, ") end)(");
    k = 0;
    for (PyNode *p = params; p; p = p->next)
        if (p->a) {
            if (k++)
                outs(e, ", ");
            emit_expr(e, p->a);
        }
    outs(e, ")");
}

/* Whether s[0..n) contains the NUL-terminated string w. */
static int contains(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, w, k) == 0)
            return 1;
    return 0;
}

/* The runtime helpers every chunk localises (speed and short names). */
static const char *const helpers[] = {
    "B", "NONE", "ELLIPSIS", "ADD", "SUB", "MUL", "DIV", "FLOORDIV", "MOD",
    "POW", "MATMUL", "LSHIFT", "RSHIFT", "BITOR", "BITXOR", "BITAND",
    "IADD", "ISUB", "IMUL", "IDIV", "IFLOORDIV", "IMOD", "IPOW", "IMATMUL",
    "ILSHIFT", "IRSHIFT", "IBITOR", "IBITXOR", "IBITAND", "NEG", "POS",
    "INVERT", "LT", "GT", "LE", "GE", "EQ", "NE", "IN", "NOTIN", "IS",
    "ISNOT", "TRUTH", "GA", "GI", "CM", "CMK", "CALLK", "CALLSTAR",
    "SETATTR", "SETITEM", "DELITEM", "SLICE", "TUPLEMT", "LISTMT", "MKSET",
    "MKDICT", "NEWSET", "NEWDICT", "SETADD", "STARLIST", "ITER", "GEN",
    "RANGEARGS", "UNPACK", "DEF", "VARARGS", "TOOMANY", "MISSING", "FMT",
    "REPR", "STR", "ASCII", "EX", "NAMEERR", "UNBOUND", "IMPORT",
    "IMPORTFROM", "PCALL", "TB", "EXC", "EXCMATCH", "RERAISE", "RAISE",
    "RAISEFROM", "CLASS", "CLSVAR", "SUPER", "WITHENTER", "WITHEXIT",
    "YFROM", NULL};

char *py_emit_module(PyCompiler *c, PyNode *mod, int flags, size_t *outlen)
{
    Emit e = {0};
    e.c = c;
    e.flags = flags;
    e.oline = 1;
    Scope *s = push_scope(&e, 0);
    collect_decls(&e, s, mod->a);
    collect_locals(&e, s, mod->a);
    collect_escaped(&e, mod->a);
    infer_ints(&e, mod->a);
    e.table_mode = (flags & PY_REPL) || s->locals.n > 100;
    /* line 1: prologue, all on one line */
    outs(&e, "local R = py; local G = R.G;");
    for (int i = 0; helpers[i]; i++)
        outf(&e, " local %s = R.%s;", helpers[i], helpers[i]);
    if (!e.table_mode) {
        for (int i = 0; i < s->locals.n; i++)
            outf(&e, " local _%s;", s->locals.v[i]);
    }
    outs(&e, " return R.main(function()");
    jmp_buf outer;
    memcpy(outer, c->jb, sizeof outer);
    if (setjmp(c->jb) == 0) {
        PyNode *st = mod->a;
        /* keep the buffer owned by e until done; errors free it */
        for (; st; st = st->next)
            emit_stmt(&e, st);
    } else {
        free(e.buf);
        memcpy(c->jb, outer, sizeof outer);
        longjmp(c->jb, 1);
    }
    memcpy(c->jb, outer, sizeof outer);
    /* the source rides along after the body, for traceback lines */
    outs(&e, " end, ");
    emit_lua_string(&e, c->filename, strlen(c->filename));
    int level = 0;
    char close[64];
    for (;;) {
        close[0] = ']';
        memset(close + 1, '=', (size_t)level);
        close[level + 1] = ']';
        close[level + 2] = 0;
        if (!contains(c->src, (size_t)(c->end - c->src), close) ||
            level > 60)
            break;
        level++;
    }
    outs(&e, ", [");
    for (int i = 0; i < level; i++)
        outs(&e, "=");
    outs(&e, "[\n");
    out(&e, c->src, (size_t)(c->end - c->src));
    outs(&e, "\n"); /* so a trailing ']' cannot join the closing bracket */
    outs(&e, close);
    outs(&e, (flags & PY_REPL) ? ", true)\n" : ")\n");
    *outlen = e.len;
    return e.buf;
}
