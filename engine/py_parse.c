/*
** py_parse.c - recursive-descent parser for the Python subset.
**
** Follows the structure of CPython's grammar (statements, blocks, the
** expression precedence ladder) and builds PyNode trees. Constructs that
** parse but lie outside the subset are refused here with their line;
** anything else malformed is a SyntaxError worded as CPython 3.11 words
** the common cases. Depth is bounded so hostile nesting cannot overflow.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int.h"

#define MAX_NEST 2000

PyNode *py_node(PyCompiler *c, PyNodeKind k, int line, int col)
{
    PyNode *n = py_alloc(c, sizeof *n);
    n->kind = k;
    n->line = line;
    n->col = col;
    return n;
}

static void next(PyCompiler *c)
{
    if (c->have_peek) {
        c->tok = c->peek;
        c->have_peek = 0;
    } else {
        py_lex_next(c, &c->tok);
    }
}

static PyTok *peek(PyCompiler *c)
{
    if (!c->have_peek) {
        py_lex_next(c, &c->peek);
        c->have_peek = 1;
    }
    return &c->peek;
}

static int tok_is(const PyTok *t, PyTokKind k, const char *s)
{
    if (t->kind != k)
        return 0;
    size_t n = strlen(s);
    return t->len == n && memcmp(t->s, s, n) == 0;
}

static int is_op(PyCompiler *c, const char *s)
{
    return tok_is(&c->tok, PT_OP, s);
}

static int is_kw(PyCompiler *c, const char *s)
{
    return tok_is(&c->tok, PT_NAME, s);
}

static int accept_op(PyCompiler *c, const char *s)
{
    if (is_op(c, s)) {
        next(c);
        return 1;
    }
    return 0;
}

static int accept_kw(PyCompiler *c, const char *s)
{
    if (is_kw(c, s)) {
        next(c);
        return 1;
    }
    return 0;
}

static void __attribute__((noreturn)) syntax_here(PyCompiler *c)
{
    if (c->tok.kind == PT_INDENT)
        py_fail(c, PY_ESYNTAX, c->tok.line, c->tok.col, "IndentationError",
                "unexpected indent");
    py_syntax(c, c->tok.line, c->tok.col, "invalid syntax");
}

static void expect_op(PyCompiler *c, const char *s)
{
    if (!accept_op(c, s)) {
        if (strcmp(s, ":") == 0)
            py_syntax(c, c->tok.line, c->tok.col, "expected ':'");
        syntax_here(c);
    }
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", NULL};

static int is_keyword(const PyTok *t)
{
    if (t->kind != PT_NAME)
        return 0;
    for (int i = 0; keywords[i]; i++)
        if (tok_is(t, PT_NAME, keywords[i]))
            return 1;
    return 0;
}

static const char *expect_name(PyCompiler *c)
{
    if (c->tok.kind != PT_NAME || is_keyword(&c->tok))
        syntax_here(c);
    const char *s = py_strdup(c, c->tok.s, c->tok.len);
    next(c);
    return s;
}

/* Bounds the parser's recursion. A level of brackets costs about eight
** of these (one per precedence level), and CPython takes 200 levels of
** brackets, so going over is not a SyntaxError CPython would raise but a
** program we refuse (the tokenizer raises CPython's own error at 201). */
static void enter(PyCompiler *c)
{
    if (++c->nest > MAX_NEST)
        py_unsupported(c, c->tok.line, "expressions nested this deeply");
}

#define LEAVE(c) ((c)->nest--)

static PyNode *expression(PyCompiler *c);
static PyNode *star_expressions(PyCompiler *c);
static int starts_expression(PyCompiler *c);
static PyNode *disjunction(PyCompiler *c);
static PyNode *bitwise_or(PyCompiler *c);
static PyNode *block(PyCompiler *c, const char *what, int line);
static PyNode *parse_fstring(PyCompiler *c, const char *s, size_t n, int raw,
                             int line, int depth);

/* ---- f-strings ---- */

static PyNode *parse_sub_expr(PyCompiler *c, const char *s, size_t n,
                              int line)
{
    PyCompiler saved = *c;
    char *buf = py_alloc(c, n + 3);
    buf[0] = '(';
    memcpy(buf + 1, s, n);
    buf[n + 1] = ')';
    py_lex_init(c, buf, n + 2, line);
    c->nest = saved.nest;
    next(c);
    if (is_op(c, "(") && peek(c)->kind == PT_OP && peek(c)->len == 1 &&
        peek(c)->s[0] == ')')
        py_syntax(c, line, 0, "f-string: empty expression not allowed");
    PyNode *e = star_expressions(c);
    if (c->tok.kind == PT_NEWLINE)
        next(c);
    if (c->tok.kind != PT_END)
        py_syntax(c, line, 0, "f-string: invalid syntax");
    PyArena a = c->arena;
    *c = saved;
    c->arena = a;
    return e;
}

/* Find the end of a field expression starting at s[i]; see CPython's
   fstring_find_expr: brackets and quotes nest, '!', ':' and '}' end it. */
static size_t field_expr_end(PyCompiler *c, const char *s, size_t n,
                             size_t i, int line)
{
    int depth = 0;
    char q = 0;
    for (; i < n; i++) {
        char ch = s[i];
        if (q) {
            if (ch == q)
                q = 0;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            q = ch;
        } else if (ch == '[' || ch == '(' || ch == '{') {
            depth++;
        } else if ((ch == ']' || ch == ')' || ch == '}') && depth > 0) {
            depth--;
        } else if (depth == 0) {
            if (ch == '}' || ch == ':')
                return i;
            if (ch == '!' && !(i + 1 < n && s[i + 1] == '='))
                return i;
            if (ch == '=' && i + 1 < n && s[i + 1] != '=' && i > 0 &&
                !strchr("=!<>", s[i - 1]))
                return i;
            if (ch == '#')
                py_syntax(c, line, 0,
                          "f-string expression part cannot include '#'");
            if (ch == '\\')
                py_syntax(c, line, 0, "f-string expression part cannot "
                          "include a backslash");
        }
    }
    if (q)
        py_syntax(c, line, 0, "f-string: unterminated string");
    py_syntax(c, line, 0, "f-string: expecting '}'");
}

static void add_part(PyNode **tail, PyNode *n)
{
    (*tail)->next = n;
    *tail = n;
}

static PyNode *parse_fstring(PyCompiler *c, const char *s, size_t n, int raw,
                             int line, int depth)
{
    PyNode *f = py_node(c, PN_FSTR, line, 0), head = {0}, *tail = &head;
    char *lit = py_alloc(c, n + 1);
    size_t ln = 0, i = 0;
    if (depth > 2)
        py_syntax(c, line, 0, "f-string: expressions nested too deeply");
    while (i <= n) {
        if (i < n && s[i] == '{' && i + 1 < n && s[i + 1] == '{' ) {
            lit[ln++] = '{';
            i += 2;
            continue;
        }
        if (i < n && s[i] == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                lit[ln++] = '}';
                i += 2;
                continue;
            }
            py_syntax(c, line, 0, "f-string: single '}' is not allowed");
        }
        if (i < n && s[i] != '{') {
            lit[ln++] = s[i++];
            continue;
        }
        /* flush the literal */
        if (ln > 0) {
            PyNode *l = py_node(c, PN_STR, line, 0);
            if (raw) {
                l->s = py_strdup(c, lit, ln);
                l->slen = ln;
            } else {
                l->s = py_decode_escapes(c, lit, ln, &l->slen, line);
            }
            add_part(&tail, l);
            ln = 0;
        }
        if (i >= n)
            break;
        /* a field: {expr[=][!conv][:spec]} */
        size_t start = i + 1, e = field_expr_end(c, s, n, start, line);
        size_t j = start;
        while (j < e && (s[j] == ' ' || s[j] == '\t'))
            j++;
        if (j == e)
            py_syntax(c, line, 0, "f-string: empty expression not allowed");
        PyNode *fld = py_node(c, PN_FFIELD, line, 0);
        fld->a = parse_sub_expr(c, s + start, e - start, line);
        i = e;
        if (s[i] == '=') {
            /* self-documenting: literal text "expr=" (with the spaces
               around '=') and repr unless a spec or conversion follows */
            i++;
            while (i < n && s[i] == ' ')
                i++;
            PyNode *l = py_node(c, PN_STR, line, 0);
            l->s = py_strdup(c, s + start, i - start);
            l->slen = i - start;
            add_part(&tail, l);
            fld->op = (i < n && s[i] == ':') ? 0 : 'r';
        }
        if (i < n && s[i] == '!') {
            if (i + 1 >= n || !strchr("rsa", s[i + 1]))
                py_syntax(c, line, 0, "f-string: invalid conversion "
                          "character: expected 's', 'r', or 'a'");
            fld->op = s[i + 1];
            i += 2;
        }
        if (i < n && s[i] == ':') {
            size_t k = i + 1;
            int d = 0;
            while (k < n && (d > 0 || s[k] != '}')) {
                if (s[k] == '{')
                    d++;
                else if (s[k] == '}')
                    d--;
                k++;
            }
            if (k >= n)
                py_syntax(c, line, 0, "f-string: expecting '}'");
            fld->b = parse_fstring(c, s + i + 1, k - i - 1, raw, line,
                                   depth + 1);
            i = k;
        }
        if (i >= n || s[i] != '}')
            py_syntax(c, line, 0, "f-string: expecting '}'");
        add_part(&tail, fld);
        i++;
    }
    f->a = head.next;
    return f;
}

/* ---- atoms and primaries ---- */

static PyNode *strings(PyCompiler *c)
{
    /* Adjacent literals concatenate; any f-string makes the whole an
       f-string. */
    int line = c->tok.line, col = c->tok.col, anyf = 0;
    PyNode head = {0}, *tail = &head;
    while (c->tok.kind == PT_STRING || c->tok.kind == PT_FSTRING) {
        if (c->tok.kind == PT_STRING) {
            PyNode *l = py_node(c, PN_STR, c->tok.line, c->tok.col);
            l->s = c->tok.s;
            l->slen = c->tok.len;
            add_part(&tail, l);
        } else {
            anyf = 1;
            PyNode *f = parse_fstring(c, c->tok.s, c->tok.len, c->tok.raw,
                                      c->tok.line, 0);
            if (f->a) {
                tail->next = f->a;
                while (tail->next)
                    tail = tail->next;
            }
        }
        next(c);
    }
    if (!anyf && head.next && !head.next->next)
        return head.next;
    if (!anyf) {
        size_t total = 0;
        for (PyNode *p = head.next; p; p = p->next)
            total += p->slen;
        char *buf = py_alloc(c, total + 1);
        size_t o = 0;
        for (PyNode *p = head.next; p; p = p->next) {
            memcpy(buf + o, p->s, p->slen);
            o += p->slen;
        }
        PyNode *s = py_node(c, PN_STR, line, col);
        s->s = buf;
        s->slen = total;
        return s;
    }
    PyNode *f = py_node(c, PN_FSTR, line, col);
    f->a = head.next;
    return f;
}

/* A for target list (for loops and comprehensions): stops before 'in'
   and consumes it. */
static PyNode *for_target(PyCompiler *c)
{
    PyNode *t = bitwise_or(c);
    if (is_op(c, ",")) {
        PyNode *tup = py_node(c, PN_TUPLE, t->line, t->col), th = {0};
        PyNode *tt = &th;
        add_part(&tt, t);
        while (accept_op(c, ",")) {
            if (is_kw(c, "in"))
                break;
            add_part(&tt, bitwise_or(c));
        }
        tup->a = th.next;
        t = tup;
    }
    if (!accept_kw(c, "in"))
        syntax_here(c);
    return t;
}

/* Parses comprehension clauses after the element: for ... in ... if ... */
static PyNode *comp_clauses(PyCompiler *c)
{
    PyNode head = {0}, *tail = &head;
    while (is_kw(c, "for") || is_kw(c, "async")) {
        if (is_kw(c, "async"))
            py_unsupported(c, c->tok.line, "async comprehensions");
        PyNode *f = py_node(c, PN_COMPFOR, c->tok.line, c->tok.col);
        next(c);
        f->a = for_target(c);
        f->b = disjunction(c);
        add_part(&tail, f);
        while (is_kw(c, "if")) {
            PyNode *i = py_node(c, PN_COMPIF, c->tok.line, c->tok.col);
            next(c);
            i->a = disjunction(c);
            add_part(&tail, i);
        }
    }
    return head.next;
}

/* yield_expr: 'yield' [star_expressions] | 'yield' 'from' expression */
static PyNode *yield_expr(PyCompiler *c)
{
    PyNode *n = py_node(c, PN_YIELDEXPR, c->tok.line, c->tok.col);
    next(c);
    if (accept_kw(c, "from")) {
        n->op = 1;
        n->a = expression(c);
    } else if (starts_expression(c)) {
        n->a = star_expressions(c);
    }
    return n;
}

/* An element of a list or set display: an expression or *expr. */
static PyNode *display_item(PyCompiler *c)
{
    if (!is_op(c, "*"))
        return expression(c);
    PyNode *e = py_node(c, PN_STARRED, c->tok.line, c->tok.col);
    next(c);
    e->a = bitwise_or(c);
    return e;
}

/*
** The rest of a list or set display 'n' after its first element: a
** comprehension (n becomes 'compkind') or more items up to 'closer'.
*/
static PyNode *display_rest(PyCompiler *c, PyNode *n, PyNode *first,
                            PyNodeKind compkind, const char *closer)
{
    if (is_kw(c, "for") || is_kw(c, "async")) {
        n->kind = compkind;
        n->a = first;
        n->b = comp_clauses(c);
        expect_op(c, closer);
        return n;
    }
    PyNode head = {0}, *tail = &head;
    add_part(&tail, first);
    while (accept_op(c, ",")) {
        if (is_op(c, closer))
            break;
        add_part(&tail, display_item(c));
    }
    if (!accept_op(c, closer)) {
        if (c->tok.kind != PT_OP)
            py_syntax(c, c->tok.line, c->tok.col,
                      "invalid syntax. Perhaps you forgot a comma?");
        syntax_here(c);
    }
    n->a = head.next;
    return n;
}

static PyNode *atom(PyCompiler *c)
{
    PyTok *t = &c->tok;
    int line = t->line, col = t->col;
    PyNode *n;
    switch (t->kind) {
    case PT_NAME:
        if (is_kw(c, "None") || is_kw(c, "True") || is_kw(c, "False")) {
            n = py_node(c, is_kw(c, "None") ? PN_NONE
                           : is_kw(c, "True") ? PN_TRUE : PN_FALSE,
                        line, col);
            next(c);
            return n;
        }
        if (is_kw(c, "yield") || is_kw(c, "await"))
            py_unsupported(c, line, "%s",
                           is_kw(c, "yield") ? "yield expressions (values "
                           "sent into generators)" : "await (coroutines)");
        if (is_keyword(t))
            syntax_here(c);
        n = py_node(c, PN_NAME, line, col);
        n->s = py_strdup(c, t->s, t->len);
        next(c);
        return n;
    case PT_INT:
        n = py_node(c, PN_INT, line, col);
        n->ival = t->ival;
        next(c);
        return n;
    case PT_FLOAT:
        n = py_node(c, PN_FLOAT, line, col);
        n->fval = t->fval;
        next(c);
        return n;
    case PT_STRING:
    case PT_FSTRING:
        return strings(c);
    case PT_OP:
        break;
    default:
        syntax_here(c);
    }
    if (accept_op(c, "...")) {
        return py_node(c, PN_ELLIPSIS, line, col);
    }
    if (accept_op(c, "(")) {
        if (accept_op(c, ")"))
            return py_node(c, PN_TUPLE, line, col);
        if (is_kw(c, "yield")) {
            PyNode *y = yield_expr(c);
            expect_op(c, ")");
            return y;
        }
        PyNode *e = is_op(c, "*") ? NULL : expression(c);
        if (e && (is_kw(c, "for") || is_kw(c, "async"))) {
            n = py_node(c, PN_GENEXP, line, col);
            n->a = e;
            n->b = comp_clauses(c);
            expect_op(c, ")");
            return n;
        }
        if (e && is_op(c, ":=")) {
            py_unsupported(c, line, "assignment expressions (:=)");
        }
        if (e && accept_op(c, ")"))
            return e;
        /* tuple */
        n = py_node(c, PN_TUPLE, line, col);
        PyNode head = {0}, *tail = &head;
        if (!e) {
            PyNode *s = py_node(c, PN_STARRED, c->tok.line, c->tok.col);
            next(c);
            s->a = bitwise_or(c);
            e = s;
        }
        add_part(&tail, e);
        while (accept_op(c, ",")) {
            if (is_op(c, ")"))
                break;
            if (is_op(c, "*")) {
                PyNode *s = py_node(c, PN_STARRED, c->tok.line, c->tok.col);
                next(c);
                s->a = bitwise_or(c);
                add_part(&tail, s);
            } else {
                add_part(&tail, expression(c));
            }
        }
        if (!accept_op(c, ")")) {
            if (c->tok.kind != PT_OP)
                py_syntax(c, c->tok.line, c->tok.col,
                          "invalid syntax. Perhaps you forgot a comma?");
            syntax_here(c);
        }
        if (head.next->kind == PN_STARRED && !head.next->next && 0)
            syntax_here(c);
        n->a = head.next;
        return n;
    }
    if (accept_op(c, "[")) {
        n = py_node(c, PN_LIST, line, col);
        if (accept_op(c, "]"))
            return n;
        return display_rest(c, n, display_item(c), PN_LISTCOMP, "]");
    }
    if (accept_op(c, "{")) {
        n = py_node(c, PN_DICT, line, col);
        if (accept_op(c, "}"))
            return n;
        PyNode head = {0}, *tail = &head;
        PyNode *k = NULL;
        int spread = 0;
        if (is_op(c, "**")) {
            /* {**d, ...}: a KV with no key spreads a mapping */
            next(c);
            k = py_node(c, PN_KV, line, col);
            k->b = bitwise_or(c);
            spread = 1;
        } else if (!is_op(c, "*")) {
            k = expression(c);
        }
        if (k && (spread || accept_op(c, ":"))) {
            PyNode *kv = k;
            if (!spread) {
                kv = py_node(c, PN_KV, k->line, k->col);
                kv->a = k;
                kv->b = expression(c);
            }
            if (!spread && (is_kw(c, "for") || is_kw(c, "async"))) {
                n->kind = PN_DICTCOMP;
                n->a = kv;
                n->b = comp_clauses(c);
                expect_op(c, "}");
                return n;
            }
            add_part(&tail, kv);
            while (accept_op(c, ",")) {
                if (is_op(c, "}"))
                    break;
                kv = py_node(c, PN_KV, c->tok.line, c->tok.col);
                if (accept_op(c, "**")) {
                    kv->b = bitwise_or(c);
                } else {
                    kv->a = expression(c);
                    expect_op(c, ":");
                    kv->b = expression(c);
                }
                add_part(&tail, kv);
            }
            expect_op(c, "}");
            n->a = head.next;
            return n;
        }
        n->kind = PN_SET;
        if (!k)
            py_unsupported(c, line, "* unpacking in set displays");
        return display_rest(c, n, k, PN_SETCOMP, "}");
    }
    syntax_here(c);
}

/* One subscript item: expression or slice a:b:c. */
static PyNode *slice_item(PyCompiler *c)
{
    int line = c->tok.line, col = c->tok.col;
    PyNode *lo = NULL;
    if (!is_op(c, ":"))
        lo = expression(c);
    if (!accept_op(c, ":"))
        return lo;
    PyNode *s = py_node(c, PN_SLICE, line, col);
    s->a = lo;
    if (!is_op(c, ":") && !is_op(c, "]") && !is_op(c, ","))
        s->b = expression(c);
    if (accept_op(c, ":")) {
        if (!is_op(c, "]") && !is_op(c, ","))
            s->c = expression(c);
    }
    return s;
}

static PyNode *call_args(PyCompiler *c, PyNode *fn)
{
    PyNode *call = py_node(c, PN_CALL, fn->line, fn->col);
    PyNode head = {0}, *tail = &head;
    int seen_kw = 0;
    call->a = fn;
    while (!is_op(c, ")")) {
        PyNode *arg = py_node(c, PN_ARG, c->tok.line, c->tok.col);
        if (accept_op(c, "**")) {
            arg->op = 2;
            arg->a = expression(c);
            seen_kw = 1;
        } else if (accept_op(c, "*")) {
            arg->op = 1;
            arg->a = expression(c);
        } else {
            PyNode *e = expression(c);
            if (is_op(c, "=") && e->kind == PN_NAME) {
                next(c);
                arg->s = e->s;
                arg->a = expression(c);
                seen_kw = 1;
            } else if (is_op(c, "=")) {
                py_syntax(c, e->line, e->col,
                          "expression cannot contain assignment, perhaps "
                          "you meant \"==\"?");
            } else {
                if (seen_kw)
                    py_syntax(c, e->line, e->col,
                              "positional argument follows keyword "
                              "argument");
                if (is_kw(c, "for") || is_kw(c, "async")) {
                    PyNode *g = py_node(c, PN_GENEXP, e->line, e->col);
                    g->a = e;
                    g->b = comp_clauses(c);
                    e = g;
                    if (head.next || !is_op(c, ")"))
                        py_syntax(c, e->line, e->col, "Generator expression "
                                  "must be parenthesized");
                }
                arg->a = e;
            }
        }
        add_part(&tail, arg);
        if (!accept_op(c, ","))
            break;
    }
    if (!accept_op(c, ")")) {
        if (c->tok.kind != PT_OP)
            py_syntax(c, c->tok.line, c->tok.col,
                      "invalid syntax. Perhaps you forgot a comma?");
        syntax_here(c);
    }
    call->b = head.next;
    return call;
}

static PyNode *primary(PyCompiler *c)
{
    PyNode *e = atom(c);
    for (;;) {
        if (accept_op(c, ".")) {
            PyNode *a = py_node(c, PN_ATTR, c->tok.line, c->tok.col);
            a->a = e;
            a->s = expect_name(c);
            e = a;
        } else if (accept_op(c, "(")) {
            e = call_args(c, e);
        } else if (is_op(c, "[")) {
            PyNode *s = py_node(c, PN_SUBSCRIPT, c->tok.line, c->tok.col);
            next(c);
            s->a = e;
            PyNode *k = slice_item(c);
            if (!k)
                syntax_here(c);
            if (is_op(c, ",")) {
                PyNode *t = py_node(c, PN_TUPLE, k->line, k->col);
                PyNode head = {0}, *tail = &head;
                add_part(&tail, k);
                while (accept_op(c, ",")) {
                    if (is_op(c, "]"))
                        break;
                    add_part(&tail, slice_item(c));
                }
                t->a = head.next;
                k = t;
            }
            expect_op(c, "]");
            s->b = k;
            e = s;
        } else {
            return e;
        }
    }
}

static PyNode *factor(PyCompiler *c);

static PyNode *power(PyCompiler *c)
{
    if (is_kw(c, "await"))
        py_unsupported(c, c->tok.line, "await");
    PyNode *e = primary(c);
    if (is_op(c, "**")) {
        PyNode *b = py_node(c, PN_BINOP, c->tok.line, c->tok.col);
        next(c);
        b->op = PO_POW;
        b->a = e;
        b->b = factor(c);
        return b;
    }
    return e;
}

static PyNode *factor(PyCompiler *c)
{
    int op = is_op(c, "-") ? PO_NEG : is_op(c, "+") ? PO_POS
           : is_op(c, "~") ? PO_INVERT : -1;
    if (op >= 0) {
        PyNode *u = py_node(c, PN_UNARY, c->tok.line, c->tok.col);
        next(c);
        enter(c);
        u->op = op;
        u->a = factor(c);
        LEAVE(c);
        /* fold -literal so -9223372036854775808 style constants work */
        if (op == PO_NEG && u->a->kind == PN_FLOAT) {
            u->a->fval = -u->a->fval;
            return u->a;
        }
        return u;
    }
    return power(c);
}

typedef struct {
    const char *s;
    int op;
} OpTab;

static PyNode *binary_level(PyCompiler *c, int level);

static const OpTab levels[][6] = {
    {{"|", PO_BITOR}, {NULL, 0}},
    {{"^", PO_BITXOR}, {NULL, 0}},
    {{"&", PO_BITAND}, {NULL, 0}},
    {{"<<", PO_LSHIFT}, {">>", PO_RSHIFT}, {NULL, 0}},
    {{"+", PO_ADD}, {"-", PO_SUB}, {NULL, 0}},
    {{"*", PO_MUL}, {"/", PO_DIV}, {"//", PO_FLOORDIV}, {"%", PO_MOD},
     {"@", PO_MATMUL}, {NULL, 0}},
};

static PyNode *binary_level(PyCompiler *c, int level)
{
    if (level == 6)
        return factor(c);
    enter(c);
    PyNode *e = binary_level(c, level + 1);
    for (;;) {
        int op = -1;
        for (const OpTab *o = levels[level]; o->s; o++)
            if (is_op(c, o->s))
                op = o->op;
        if (op < 0)
            break;
        PyNode *b = py_node(c, PN_BINOP, c->tok.line, c->tok.col);
        next(c);
        b->op = op;
        b->a = e;
        b->b = binary_level(c, level + 1);
        e = b;
    }
    LEAVE(c);
    return e;
}

static PyNode *bitwise_or(PyCompiler *c)
{
    return binary_level(c, 0);
}

static int comp_op(PyCompiler *c)
{
    PyTok *t = &c->tok;
    if (t->kind == PT_OP) {
        static const OpTab ops[] = {{"<", PO_LT}, {">", PO_GT},
                                    {"<=", PO_LE}, {">=", PO_GE},
                                    {"==", PO_EQ}, {"!=", PO_NE},
                                    {NULL, 0}};
        for (const OpTab *o = ops; o->s; o++)
            if (is_op(c, o->s)) {
                next(c);
                return o->op;
            }
        return -1;
    }
    if (accept_kw(c, "in"))
        return PO_IN;
    if (is_kw(c, "not") && tok_is(peek(c), PT_NAME, "in")) {
        next(c);
        next(c);
        return PO_NOTIN;
    }
    if (accept_kw(c, "is"))
        return accept_kw(c, "not") ? PO_ISNOT : PO_IS;
    return -1;
}

static PyNode *comparison(PyCompiler *c)
{
    PyNode *e = bitwise_or(c);
    int line = c->tok.line, col = c->tok.col;
    int op = comp_op(c);
    if (op < 0)
        return e;
    PyNode *cmp = py_node(c, PN_COMPARE, line, col);
    PyNode head = {0}, *tail = &head;
    cmp->a = e;
    while (op >= 0) {
        PyNode *r = py_node(c, PN_ARG, c->tok.line, c->tok.col);
        r->op = op;
        r->a = bitwise_or(c);
        add_part(&tail, r);
        op = comp_op(c);
    }
    cmp->b = head.next;
    return cmp;
}

static PyNode *inversion(PyCompiler *c)
{
    if (is_kw(c, "not")) {
        PyNode *n = py_node(c, PN_NOT, c->tok.line, c->tok.col);
        next(c);
        enter(c);
        n->a = inversion(c);
        LEAVE(c);
        return n;
    }
    return comparison(c);
}

/* operand (kw operand)*, left-associative: 'and' and 'or' chains */
static PyNode *bool_chain(PyCompiler *c, const char *kw, PyNodeKind kind,
                          PyNode *(*operand)(PyCompiler *))
{
    PyNode *e = operand(c);
    while (is_kw(c, kw)) {
        PyNode *n = py_node(c, kind, c->tok.line, c->tok.col);
        next(c);
        n->a = e;
        n->b = operand(c);
        e = n;
    }
    return e;
}

static PyNode *conjunction(PyCompiler *c)
{
    return bool_chain(c, "and", PN_AND, inversion);
}

static PyNode *disjunction(PyCompiler *c)
{
    return bool_chain(c, "or", PN_OR, conjunction);
}

/* Parameters of def (closer ")") or lambda (closer ":"). */
static PyNode *params(PyCompiler *c, const char *closer, int *flags)
{
    PyNode head = {0}, *tail = &head;
    int seen_default = 0, kwonly = 0;
    while (!is_op(c, closer)) {
        PyNode *p = py_node(c, PN_PARAM, c->tok.line, c->tok.col);
        if (*flags & 2)
            syntax_here(c); /* nothing may follow **kwargs */
        if (accept_op(c, "**")) {
            p->op = 2;
        } else if (accept_op(c, "*")) {
            if (kwonly)
                py_syntax(c, p->line, p->col, "* argument may appear only "
                          "once");
            if (is_op(c, ",") || is_op(c, closer)) {
                /* bare '*': the parameters after it are keyword-only */
                if (!accept_op(c, ",") || is_op(c, closer))
                    py_syntax(c, p->line, p->col, "named arguments must "
                              "follow bare *");
                kwonly = 1;
                *flags |= 4;
                continue;
            }
            p->op = 1;
        } else if (accept_op(c, "/")) {
            py_unsupported(c, p->line, "positional-only parameters");
        }
        p->s = expect_name(c);
        for (PyNode *q = head.next; q; q = q->next)
            if (strcmp(q->s, p->s) == 0)
                py_syntax(c, p->line, p->col, "duplicate argument '%s' in "
                          "function definition", p->s);
        if (is_op(c, ":") && closer[0] == ')') {
            next(c);
            (void)expression(c); /* annotation: ignored */
        }
        if (!p->op && kwonly)
            p->op = 3; /* keyword-only */
        if (accept_op(c, "=")) {
            if (p->op == 1 || p->op == 2)
                syntax_here(c);
            p->a = expression(c);
            if (!p->op)
                seen_default = 1;
        } else if (seen_default && !p->op) {
            py_syntax(c, p->line, p->col, "non-default argument follows "
                      "default argument");
        }
        if (p->op == 1) {
            *flags |= 1;
            kwonly = 1;
        } else if (p->op == 2) {
            *flags |= 2;
        } else if (p->op == 3) {
            *flags |= 4;
        }
        add_part(&tail, p);
        if (!accept_op(c, ","))
            break;
    }
    return head.next;
}

static PyNode *lambdef(PyCompiler *c)
{
    PyNode *l = py_node(c, PN_LAMBDA, c->tok.line, c->tok.col);
    int flags = 0;
    next(c);
    l->a = params(c, ":", &flags);
    l->op = flags;
    expect_op(c, ":");
    l->b = expression(c);
    return l;
}

static PyNode *expression(PyCompiler *c)
{
    enter(c);
    if (is_kw(c, "lambda")) {
        PyNode *l = lambdef(c);
        LEAVE(c);
        return l;
    }
    PyNode *e = disjunction(c);
    if (is_kw(c, "if")) {
        PyNode *n = py_node(c, PN_IFEXP, c->tok.line, c->tok.col);
        next(c);
        n->a = e;
        n->b = disjunction(c);
        if (!accept_kw(c, "else"))
            py_syntax(c, c->tok.line, c->tok.col,
                      "expected 'else' after 'if' expression");
        n->c = expression(c);
        e = n;
    }
    if (is_op(c, ":="))
        py_unsupported(c, c->tok.line, "assignment expressions (:=)");
    LEAVE(c);
    return e;
}

static int starts_expression(PyCompiler *c)
{
    PyTok *t = &c->tok;
    if (t->kind == PT_NAME) {
        static const char *const ok[] = {"None", "True", "False", "not",
                                         "lambda", "await", "yield", NULL};
        if (!is_keyword(t))
            return 1;
        for (int i = 0; ok[i]; i++)
            if (is_kw(c, ok[i]))
                return 1;
        return 0;
    }
    if (t->kind == PT_OP)
        return strchr("([{-+~.*", t->s[0]) != NULL &&
               !(t->len == 2 && t->s[1] == '=');
    return t->kind == PT_INT || t->kind == PT_FLOAT ||
           t->kind == PT_STRING || t->kind == PT_FSTRING;
}

static PyNode *star_expressions(PyCompiler *c)
{
    int line = c->tok.line, col = c->tok.col;
    PyNode *e;
    if (is_op(c, "*")) {
        e = py_node(c, PN_STARRED, line, col);
        next(c);
        e->a = bitwise_or(c);
    } else {
        e = expression(c);
    }
    if (!is_op(c, ",")) {
        return e;
    }
    PyNode *t = py_node(c, PN_TUPLE, line, col);
    PyNode head = {0}, *tail = &head;
    add_part(&tail, e);
    while (accept_op(c, ",")) {
        if (!starts_expression(c))
            break;
        if (is_op(c, "*")) {
            e = py_node(c, PN_STARRED, c->tok.line, c->tok.col);
            next(c);
            e->a = bitwise_or(c);
        } else {
            e = expression(c);
        }
        add_part(&tail, e);
    }
    t->a = head.next;
    return t;
}

/* ---- statements ---- */

static void check_target(PyCompiler *c, PyNode *t, const char *what)
{
    switch (t->kind) {
    case PN_NAME:
        if (strcmp(t->s, "__debug__") == 0)
            py_syntax(c, t->line, t->col, "cannot assign to __debug__");
        return;
    case PN_ATTR:
    case PN_SUBSCRIPT:
        return;
    case PN_TUPLE:
    case PN_LIST:
        for (PyNode *e = t->a; e; e = e->next)
            check_target(c, e, what);
        return;
    case PN_STARRED:
        check_target(c, t->a, what);
        return;
    case PN_INT: case PN_FLOAT: case PN_STR: case PN_NONE: case PN_TRUE:
    case PN_FALSE: case PN_ELLIPSIS:
        py_syntax(c, t->line, t->col, "cannot %s literal%s", what,
                  strcmp(what, "assign to") == 0
                      ? " here. Maybe you meant '==' instead of '='?" : "");
    case PN_CALL:
        py_syntax(c, t->line, t->col, "cannot %s function call%s", what,
                  strcmp(what, "assign to") == 0
                      ? " here. Maybe you meant '==' instead of '='?" : "");
    default:
        py_syntax(c, t->line, t->col, "cannot %s expression%s", what,
                  strcmp(what, "assign to") == 0
                      ? " here. Maybe you meant '==' instead of '='?" : "");
    }
}

static const OpTab augops[] = {
    {"+=", PO_ADD}, {"-=", PO_SUB}, {"*=", PO_MUL}, {"/=", PO_DIV},
    {"//=", PO_FLOORDIV}, {"%=", PO_MOD}, {"**=", PO_POW}, {"@=", PO_MATMUL},
    {"<<=", PO_LSHIFT}, {">>=", PO_RSHIFT}, {"|=", PO_BITOR},
    {"^=", PO_BITXOR}, {"&=", PO_BITAND}, {NULL, 0}};

static PyNode *dotted_name(PyCompiler *c)
{
    PyNode *n = py_node(c, PN_ALIAS, c->tok.line, c->tok.col);
    char buf[256];
    size_t len = 0;
    for (;;) {
        const char *s = expect_name(c);
        size_t k = strlen(s);
        if (len + k + 2 >= sizeof buf)
            syntax_here(c);
        memcpy(buf + len, s, k);
        len += k;
        if (!is_op(c, "."))
            break;
        next(c);
        buf[len++] = '.';
    }
    n->s = py_strdup(c, buf, len);
    return n;
}

static PyNode *simple_stmt(PyCompiler *c)
{
    PyTok *t = &c->tok;
    int line = t->line, col = t->col;
    PyNode *n;
    if (t->kind == PT_NAME) {
        if (accept_kw(c, "pass"))
            return py_node(c, PN_PASS, line, col);
        if (accept_kw(c, "break"))
            return py_node(c, PN_BREAK, line, col);
        if (accept_kw(c, "continue"))
            return py_node(c, PN_CONTINUE, line, col);
        if (accept_kw(c, "return")) {
            n = py_node(c, PN_RETURN, line, col);
            if (starts_expression(c))
                n->a = star_expressions(c);
            return n;
        }
        if (accept_kw(c, "raise")) {
            n = py_node(c, PN_RAISE, line, col);
            if (starts_expression(c)) {
                n->a = expression(c);
                if (accept_kw(c, "from"))
                    n->b = expression(c);
            }
            return n;
        }
        if (accept_kw(c, "assert")) {
            n = py_node(c, PN_ASSERT, line, col);
            n->a = expression(c);
            if (accept_op(c, ","))
                n->b = expression(c);
            return n;
        }
        if (accept_kw(c, "del")) {
            n = py_node(c, PN_DEL, line, col);
            n->a = star_expressions(c);
            check_target(c, n->a, "delete");
            return n;
        }
        if (is_kw(c, "global") || is_kw(c, "nonlocal")) {
            n = py_node(c, is_kw(c, "global") ? PN_GLOBAL : PN_NONLOCAL, line,
                        col);
            next(c);
            PyNode head = {0}, *tail = &head;
            do {
                PyNode *a = py_node(c, PN_NAME, c->tok.line, c->tok.col);
                a->s = expect_name(c);
                add_part(&tail, a);
            } while (accept_op(c, ","));
            n->a = head.next;
            return n;
        }
        if (accept_kw(c, "import")) {
            n = py_node(c, PN_IMPORT, line, col);
            PyNode head = {0}, *tail = &head;
            do {
                PyNode *a = dotted_name(c);
                if (accept_kw(c, "as"))
                    a->b = (PyNode *)expect_name(c);
                add_part(&tail, a);
            } while (accept_op(c, ","));
            n->a = head.next;
            return n;
        }
        if (accept_kw(c, "from")) {
            n = py_node(c, PN_FROMIMPORT, line, col);
            if (is_op(c, "."))
                py_unsupported(c, line, "relative imports");
            PyNode *m = dotted_name(c);
            n->s = m->s;
            if (!accept_kw(c, "import"))
                syntax_here(c);
            if (accept_op(c, "*"))
                py_unsupported(c, line, "from ... import *");
            int paren = accept_op(c, "(");
            PyNode head = {0}, *tail = &head;
            do {
                if (paren && is_op(c, ")"))
                    break;
                PyNode *a = py_node(c, PN_ALIAS, c->tok.line, c->tok.col);
                a->s = expect_name(c);
                if (accept_kw(c, "as"))
                    a->b = (PyNode *)expect_name(c);
                add_part(&tail, a);
            } while (accept_op(c, ","));
            if (paren)
                expect_op(c, ")");
            n->a = head.next;
            return n;
        }
        if (accept_kw(c, "yield")) {
            /* only as a statement: 'yield x' and 'yield from it' */
            n = py_node(c, PN_YIELD, line, col);
            if (accept_kw(c, "from")) {
                n->op = 1;
                n->a = expression(c);
            } else if (starts_expression(c)) {
                n->a = star_expressions(c);
            }
            return n;
        }
    }
    if (!starts_expression(c))
        syntax_here(c);
    PyNode *e = star_expressions(c);
    if (is_op(c, "=")) {
        n = py_node(c, PN_ASSIGN, line, col);
        PyNode head = {0}, *tail = &head;
        check_target(c, e, "assign to");
        add_part(&tail, e);
        while (accept_op(c, "=")) {
            e = is_kw(c, "yield") ? yield_expr(c) : star_expressions(c);
            if (is_op(c, "=")) {
                check_target(c, e, "assign to");
                add_part(&tail, e);
            }
        }
        n->a = head.next; /* targets */
        n->b = e;         /* value */
        return n;
    }
    for (const OpTab *o = augops; o->s; o++)
        if (is_op(c, o->s)) {
            next(c);
            if (e->kind != PN_NAME && e->kind != PN_ATTR &&
                e->kind != PN_SUBSCRIPT)
                py_syntax(c, e->line, e->col, "'%s' is an illegal expression "
                          "for augmented assignment",
                          e->kind == PN_TUPLE ? "tuple"
                          : e->kind == PN_LIST ? "list"
                          : e->kind == PN_CALL ? "function call"
                          : "expression");
            n = py_node(c, PN_AUGASSIGN, line, col);
            n->op = o->op;
            n->a = e;
            n->b = is_kw(c, "yield") ? yield_expr(c) : star_expressions(c);
            return n;
        }
    if (is_op(c, ":")) {
        /* annotated assignment: x: int = 3 */
        next(c);
        check_target(c, e, "assign to");
        (void)expression(c);
        if (accept_op(c, "=")) {
            n = py_node(c, PN_ASSIGN, line, col);
            n->a = e;
            n->b = star_expressions(c);
            return n;
        }
        if (e->kind == PN_NAME)
            return py_node(c, PN_PASS, line, col);
        py_unsupported(c, line, "bare annotations");
    }
    n = py_node(c, PN_EXPR, line, col);
    n->a = e;
    return n;
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static PyNode *simple_stmts(PyCompiler *c)
{
    PyNode head = {0}, *tail = &head;
    for (;;) {
        add_part(&tail, simple_stmt(c));
        if (accept_op(c, ";")) {
            if (c->tok.kind == PT_NEWLINE)
                break;
            continue;
        }
        break;
    }
    if (c->tok.kind != PT_NEWLINE) {
        if (c->tok.kind == PT_NAME || c->tok.kind == PT_INT ||
            c->tok.kind == PT_FLOAT || c->tok.kind == PT_STRING)
            py_syntax(c, c->tok.line, c->tok.col, "invalid syntax");
        syntax_here(c);
    }
    next(c);
    return head.next;
}

static PyNode *statement(PyCompiler *c);

/* Statements until DEDENT (or END at module level). */
static PyNode *statements(PyCompiler *c, int toplevel)
{
    PyNode head = {0}, *tail = &head;
    for (;;) {
        if (c->tok.kind == PT_END && toplevel)
            break;
        if (c->tok.kind == PT_DEDENT && !toplevel)
            break;
        if (c->tok.kind == PT_NEWLINE) {
            next(c);
            continue;
        }
        PyNode *s = statement(c);
        tail->next = s;
        while (tail->next)
            tail = tail->next;
    }
    return head.next;
}

static PyNode *block(PyCompiler *c, const char *what, int line)
{
    expect_op(c, ":");
    if (c->tok.kind != PT_NEWLINE)
        return simple_stmts(c);
    next(c);
    if (c->tok.kind != PT_INDENT)
        py_fail(c, PY_ESYNTAX, c->tok.line, c->tok.col, "IndentationError",
                "expected an indented block after %s on line %d", what,
                line);
    next(c);
    enter(c);
    PyNode *b = statements(c, 0);
    LEAVE(c);
    if (c->tok.kind == PT_DEDENT)
        next(c);
    return b;
}

static PyNode *if_stmt(PyCompiler *c, const char *kw)
{
    PyNode *n = py_node(c, PN_IF, c->tok.line, c->tok.col);
    char what[64];
    next(c);
    n->a = expression(c);
    if (is_op(c, "="))
        py_syntax(c, c->tok.line, c->tok.col,
                  "invalid syntax. Maybe you meant '==' or ':=' instead of "
                  "'='?");
    snprintf(what, sizeof what, "'%s' statement", kw);
    n->b = block(c, what, n->line);
    if (is_kw(c, "elif")) {
        n->c = if_stmt(c, "elif");
    } else if (is_kw(c, "else")) {
        int l = c->tok.line;
        next(c);
        n->c = block(c, "'else' statement", l);
        if (!n->c)
            n->c = py_node(c, PN_PASS, l, 0);
    }
    return n;
}

static PyNode *statement(PyCompiler *c)
{
    PyTok *t = &c->tok;
    int line = t->line, col = t->col;
    PyNode *n;
    if (t->kind == PT_INDENT)
        py_fail(c, PY_ESYNTAX, t->line, t->col, "IndentationError",
                "unexpected indent");
    if (t->kind == PT_OP && is_op(c, "@")) {
        /* decorators: @expr NEWLINE ... then a def */
        PyNode head = {0}, *tail = &head;
        while (accept_op(c, "@")) {
            PyNode *d = py_node(c, PN_ARG, c->tok.line, c->tok.col);
            d->a = expression(c);
            if (c->tok.kind != PT_NEWLINE)
                syntax_here(c);
            next(c);
            add_part(&tail, d);
        }
        if (!is_kw(c, "def") && !is_kw(c, "class"))
            syntax_here(c);
        PyNode *def = statement(c);
        def->c = head.next;
        def->line = line; /* errors in decorators point at the '@' line */
        return def;
    }
    if (t->kind != PT_NAME)
        return simple_stmts(c);
    if (is_kw(c, "if"))
        return if_stmt(c, "if");
    if (accept_kw(c, "while")) {
        n = py_node(c, PN_WHILE, line, col);
        n->a = expression(c);
        n->b = block(c, "'while' statement", line);
        if (is_kw(c, "else")) {
            int l = c->tok.line;
            next(c);
            n->c = block(c, "'else' statement", l);
        }
        return n;
    }
    if (accept_kw(c, "for")) {
        n = py_node(c, PN_FOR, line, col);
        n->a = for_target(c);
        n->b = star_expressions(c);
        check_target(c, n->a, "assign to");
        if (is_op(c, ",")) {
            PyNode *tu = py_node(c, PN_TUPLE, n->b->line, n->b->col);
            PyNode head = {0}, *tail = &head;
            add_part(&tail, n->b);
            while (accept_op(c, ",")) {
                if (is_op(c, ":"))
                    break;
                add_part(&tail, expression(c));
            }
            tu->a = head.next;
            n->b = tu;
        }
        n->c = block(c, "'for' statement", line);
        if (is_kw(c, "else")) {
            int l = c->tok.line;
            next(c);
            n->d = block(c, "'else' statement", l);
        }
        return n;
    }
    if (accept_kw(c, "def")) {
        n = py_node(c, PN_DEF, line, col);
        n->s = expect_name(c);
        expect_op(c, "(");
        int flags = 0;
        n->a = params(c, ")", &flags);
        n->op = flags;
        expect_op(c, ")");
        if (accept_op(c, "->"))
            (void)expression(c);
        char what[300];
        snprintf(what, sizeof what, "function definition");
        n->b = block(c, what, line);
        return n;
    }
    if (accept_kw(c, "try")) {
        n = py_node(c, PN_TRY, line, col);
        n->a = block(c, "'try' statement", line);
        PyNode head = {0}, *tail = &head;
        while (is_kw(c, "except")) {
            PyNode *h = py_node(c, PN_HANDLER, c->tok.line, c->tok.col);
            next(c);
            if (is_op(c, "*"))
                py_unsupported(c, h->line, "except*");
            if (!is_op(c, ":")) {
                h->a = expression(c);
                if (is_op(c, ",")) {
                    PyNode *tu = py_node(c, PN_TUPLE, h->line, h->col);
                    PyNode th = {0}, *tt = &th;
                    add_part(&tt, h->a);
                    while (accept_op(c, ","))
                        add_part(&tt, expression(c));
                    tu->a = th.next;
                    h->a = tu;
                    py_syntax(c, h->line, h->col, "multiple exception types "
                              "must be parenthesized");
                }
                if (accept_kw(c, "as"))
                    h->s = expect_name(c);
            }
            h->b = block(c, "'except' statement", h->line);
            add_part(&tail, h);
        }
        n->b = head.next;
        if (is_kw(c, "else")) {
            int l = c->tok.line;
            if (!n->b)
                syntax_here(c);
            next(c);
            n->c = block(c, "'else' statement", l);
        }
        if (is_kw(c, "finally")) {
            int l = c->tok.line;
            next(c);
            n->d = block(c, "'finally' statement", l);
            if (!n->d)
                n->d = py_node(c, PN_PASS, l, 0);
        }
        if (!n->b && !n->d)
            py_syntax(c, c->tok.line, c->tok.col,
                      "expected 'except' or 'finally' block");
        return n;
    }
    if (accept_kw(c, "class")) {
        /* class Name[(bases, kw=...)]: body -- a = bases as call args */
        n = py_node(c, PN_CLASS, line, col);
        n->s = expect_name(c);
        if (accept_op(c, "(")) {
            PyNode *call = call_args(c, n);
            n->a = call->b;
        }
        n->b = block(c, "class definition", line);
        return n;
    }
    if (accept_kw(c, "with")) {
        /* with item[, item]: body -- items are WITHITEM(a=expr, b=target) */
        n = py_node(c, PN_WITH, line, col);
        PyNode head = {0}, *tail = &head;
        do {
            PyNode *it = py_node(c, PN_WITHITEM, c->tok.line, c->tok.col);
            it->a = expression(c);
            if (accept_kw(c, "as")) {
                it->b = bitwise_or(c);
                check_target(c, it->b, "assign to");
            }
            add_part(&tail, it);
        } while (accept_op(c, ","));
        n->a = head.next;
        n->b = block(c, "'with' statement", line);
        return n;
    }
    if (is_kw(c, "async"))
        py_unsupported(c, line, "async");
    if (is_kw(c, "match") && peek(c)->kind != PT_OP)
        py_unsupported(c, line, "match statements");
    return simple_stmts(c);
}

PyNode *py_parse_module(PyCompiler *c)
{
    next(c);
    PyNode *body = statements(c, 1);
    PyNode *m = py_node(c, PN_PASS, 1, 0);
    m->a = body;
    return m;
}
