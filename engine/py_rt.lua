-- py_rt.lua - the runtime library of pyprep's Python subset.
--
-- Loaded once per Lua state by luaopen_py (py_lib.c), which passes a table
-- of C helpers. Every helper the compiled code calls is a field of the
-- returned table R. Python values follow docs/INTERFACES.md. Anything
-- outside the subset raises a refusal, never a guess: the rule is "print
-- what CPython prints, or refuse".
local C = ...
local R = {}

local type, mtype, getmetatable, setmetatable = type, math.type,
    getmetatable, setmetatable
local rawequal, rawget, error, pcall, xpcall, select, tostring, tonumber =
    rawequal, rawget, error, pcall, xpcall, select, tostring, tonumber
local next, ipairs, pairs = next, ipairs, pairs
local sfmt, sbyte, ssub, sfind, srep, schar, slower, supper, sgsub, smatch =
    string.format, string.byte, string.sub, string.find, string.rep,
    string.char, string.lower, string.upper, string.gsub, string.match
local concat, unpack, tsort = table.concat, table.unpack, table.sort
local floor, huge, fmod, sqrt, mabs = math.floor, math.huge, math.fmod,
    math.sqrt, math.abs
local maxint, minint = math.maxinteger, math.mininteger
local ulen, uchar, uoffset, ucodepoint, ucodes = utf8.len, utf8.char,
    utf8.offset, utf8.codepoint, utf8.codes
local cocreate, coresume, costatus, coyield = coroutine.create,
    coroutine.resume, coroutine.status, coroutine.yield

local NONE = C.NONE
local LIST_MT, TUPLE_MT, DICT_MT, EXC_MT, KW_MT = C.LIST_MT, C.TUPLE_MT,
    C.DICT_MT, C.EXC_MT, C.KW_MT
local SET_MT = {}
local RANGE_MT = {}
local ITER_MT = {}
local TYPE_MT = {}
local MODULE_MT = {}
local VIEW_MT = {}
local SLICE_MT = {}
local REFUSE_MT = C.REFUSE_MT -- shared with nd (see py_lib.c)
-- user classes (see "classes and instances" below)
local OBJ_MT = {}      -- instances: attributes under their names
local CLS = {}         -- key of an instance's class: o[CLS]
local ORD = {}         -- key of its attribute names in assignment order
local METHOD_MT, SMETH_MT, CMETH_MT, PROP_MT, SUPER_MT, TB_MT =
    {}, {}, {}, {}, {}, {}
local NOTIMPL = setmetatable({}, {})
local OBJ = {}         -- the class machinery, filled in below
local INFO = setmetatable({}, {__mode = "k"})
local ND = nil -- the nd module, once numpy is imported

R.NONE = NONE
R.G = {}

-- ---------------------------------------------------------------------
-- errors

local function refuse(what)
    error(setmetatable({refuse = what}, REFUSE_MT), 0)
end
R.refuse = refuse

local function mkexc(tname, args, msg)
    return setmetatable({type = tname, args = args, message = msg}, EXC_MT)
end

local function throw(tname, msg)
    error(mkexc(tname, nil, msg), 0)
end
R.throw = throw

local function overflow()
    refuse("integers beyond 64 bits")
end

-- ---------------------------------------------------------------------
-- type names and type objects

local TYPES = {}
local function mktype(name, t)
    t = t or {}
    t.__name__ = name
    setmetatable(t, TYPE_MT)
    TYPES[name] = t
    return t
end

local function isnd(v)
    return ND ~= nil and type(v) == "userdata" and v ~= NONE
end

local function typename(v)
    local tv = type(v)
    if tv == "number" then
        return mtype(v) == "integer" and "int" or "float"
    elseif tv == "string" then
        return "str"
    elseif tv == "boolean" then
        return "bool"
    elseif v == NONE then
        return "NoneType"
    elseif tv == "table" then
        local mt = getmetatable(v)
        if mt == LIST_MT then return "list"
        elseif mt == TUPLE_MT then return "tuple"
        elseif mt == DICT_MT then return "dict"
        elseif mt == SET_MT then return v.frozen and "frozenset" or "set"
        elseif mt == RANGE_MT then return "range"
        elseif mt == TYPE_MT then return "type"
        elseif mt == MODULE_MT then return "module"
        elseif mt == EXC_MT then return v.type
        elseif mt == ITER_MT then return v.kind or "iterator"
        elseif mt == VIEW_MT then return v.kind
        elseif mt == SLICE_MT then return "slice"
        elseif mt == OBJ_MT then return v[CLS].__name__
        elseif mt == METHOD_MT then return "method"
        elseif mt == PROP_MT then return "property"
        elseif mt == SMETH_MT then return "staticmethod"
        elseif mt == CMETH_MT then return "classmethod"
        elseif mt == SUPER_MT then return "super"
        elseif mt == TB_MT then return "traceback"
        elseif v == NOTIMPL then return "NotImplementedType"
        end
        return "object"
    elseif tv == "function" then
        return INFO[v] and "function" or "builtin_function_or_method"
    elseif tv == "userdata" then
        if ND and ND.typename then return ND.typename(v) end
        return "object"
    end
    return tv
end
R.typename = typename

-- ---------------------------------------------------------------------
-- containers

local function mklist(t, n)
    t.n = n
    return setmetatable(t, LIST_MT)
end
local function mktuple(t, n)
    t.n = n
    return setmetatable(t, TUPLE_MT)
end
R.LISTMT = function(t) return setmetatable(t, LIST_MT) end
R.TUPLEMT = function(t) return setmetatable(t, TUPLE_MT) end
local EMPTY_TUPLE = mktuple({}, 0)

-- Dict keys: numbers (1.0 and 1 coincide in Lua, True is 1), strings,
-- None, functions, tuples (by a serialised form) and numpy scalars.
local hkey
local function tuplekey(t)
    local parts = {}
    for i = 1, t.n do
        local k = hkey(t[i])
        local tk = type(k)
        if tk == "number" then
            parts[i] = (mtype(k) == "integer" and "i" or "f") ..
                           sfmt("%.17g", k)
        elseif tk == "string" then
            parts[i] = "s" .. #k .. ":" .. k
        elseif tk == "table" then
            parts[i] = "t" .. #k[1] .. ":" .. k[1]
        else
            refuse("this kind of tuple element as a dict key or set member")
        end
    end
    return {concat(parts, ",")}
end

local TKEYS = setmetatable({}, {__mode = "v"})
function hkey(k)
    local tk = type(k)
    if tk == "number" then
        if k ~= k then
            refuse("NaN as a dict key or set member")
        end
        return k
    elseif tk == "string" then
        return k
    elseif tk == "boolean" then
        return k and 1 or 0
    elseif k == NONE then
        return k
    elseif tk == "table" then
        local mt = getmetatable(k)
        if mt == TUPLE_MT then
            local key = tuplekey(k)[1]
            local box = TKEYS[key]
            if not box then
                box = {key}
                TKEYS[key] = box
            end
            return box
        elseif mt == TYPE_MT then
            return k
        elseif mt == LIST_MT or mt == DICT_MT or mt == SET_MT then
            throw("TypeError", "unhashable type: '" .. typename(k) .. "'")
        elseif mt == OBJ_MT then
            return OBJ.hkey(k)
        end
        refuse("this kind of dict key")
    elseif tk == "function" then
        return k
    elseif isnd(k) then
        if ND.isscalar(k) then
            return hkey(ND.item(k))
        end
        throw("TypeError", "unhashable type: 'numpy.ndarray'")
    end
    refuse("this kind of dict key")
end

local function newdict()
    return setmetatable({k = {}, v = {}, ix = {}, n = 0, len = 0}, DICT_MT)
end
R.NEWDICT = newdict

local function dget(d, key)
    local i = d.ix[hkey(key)]
    if i then return d.v[i] end
    return nil
end

local function dset(d, key, val)
    local h = hkey(key)
    local i = d.ix[h]
    if i then
        d.v[i] = val
        return
    end
    i = d.n + 1
    d.n = i
    d.k[i] = key
    d.v[i] = val
    d.ix[h] = i
    d.len = d.len + 1
end

local function ddel(d, key)
    local h = hkey(key)
    local i = d.ix[h]
    if not i then return false end
    d.ix[h] = nil
    d.k[i] = nil
    d.v[i] = nil
    d.len = d.len - 1
    d.ver = (d.ver or 0) + 1
    -- compact when half the slots are holes
    if d.len * 2 < d.n and d.n > 8 then
        local nk, nv, j = {}, {}, 0
        for x = 1, d.n do
            if d.k[x] ~= nil then
                j = j + 1
                nk[j] = d.k[x]
                nv[j] = d.v[x]
                d.ix[hkey(d.k[x])] = j
            end
        end
        d.k, d.v, d.n = nk, nv, j
    end
    return true
end

local SPREAD = {}
R.SPREAD = SPREAD
R.MKDICT = function(t)
    local d = newdict()
    for i = 1, t.n, 2 do
        if t[i] == SPREAD then
            local m = t[i + 1]
            if getmetatable(m) ~= DICT_MT then
                throw("TypeError", "'" .. typename(m) .. "' object is " ..
                      "not a mapping")
            end
            for j = 1, m.n do
                if m.k[j] ~= nil then dset(d, m.k[j], m.v[j]) end
            end
        else
            dset(d, t[i], t[i + 1])
        end
    end
    return d
end

-- Sets keep CPython's table size so iteration order can be proven equal
-- to CPython's (small non-negative ints only) or refused.
local function newset()
    return setmetatable({k = {}, ix = {}, n = 0, len = 0, fill = 0,
                         size = 8}, SET_MT)
end
R.NEWSET = newset

local function set_grow(s)
    -- CPython: resize when fill*5 >= mask*3, to used*4 (used > 50000: *2)
    if s.fill * 5 >= (s.size - 1) * 3 then
        local minused = s.len > 50000 and s.len * 2 or s.len * 4
        local size = 8
        while size <= minused do size = size * 2 end
        s.size = size
        s.fill = s.len
    end
end

local function sadd(s, key)
    local h = hkey(key)
    if s.ix[h] then return end
    local i = s.n + 1
    s.n = i
    s.k[i] = key
    s.ix[h] = i
    s.len = s.len + 1
    s.fill = s.fill + 1
    set_grow(s)
end
R.SETADD = sadd

local function shas(s, key)
    return s.ix[hkey(key)] ~= nil
end

local function sdel(s, key)
    local h = hkey(key)
    local i = s.ix[h]
    if not i then return false end
    s.ix[h] = nil
    s.k[i] = nil
    s.len = s.len - 1
    s.dirty = true
    return true
end

-- The members in CPython's iteration order, or a refusal.
local function set_order(s)
    local out, n, ok = {}, 0, true
    for i = 1, s.n do
        local k = s.k[i]
        if k ~= nil then
            n = n + 1
            out[n] = k
            local kk = k
            if type(kk) == "boolean" then kk = kk and 1 or 0 end
            -- a set built by merging (copies, set operations) may have a
            -- smaller table in CPython than insertion would give: claim
            -- only the minimum table size then
            local limit = s.approx and 8 or s.size
            if mtype(kk) ~= "integer" or kk < 0 or kk >= limit then
                ok = false
            end
        end
    end
    if n <= 1 then return out, n end
    if not ok then
        refuse("iterating or printing a set in CPython's hash order " ..
               "(only small non-negative ints are supported)")
    end
    tsort(out, function(a, b)
        a = a == true and 1 or a == false and 0 or a
        b = b == true and 1 or b == false and 0 or b
        return a < b
    end)
    return out, n
end

-- ---------------------------------------------------------------------
-- iteration

local ITER

local function str_chars(s)
    if not sfind(s, "[\128-\255]") then
        local t, n = {}, #s
        for i = 1, n do t[i] = ssub(s, i, i) end
        return t, n
    end
    local t, n = {}, 0
    for _, c in ucodes(s) do
        n = n + 1
        t[n] = uchar(c)
    end
    return t, n
end
R.str_chars = str_chars

local function dict_iter(d, which)
    local i, n0, ver = 0, d.len, d.ver
    return function()
        if d.len ~= n0 or d.ver ~= ver then
            throw("RuntimeError", "dictionary changed size during iteration")
        end
        repeat
            i = i + 1
            if i > d.n then return nil end
        until d.k[i] ~= nil
        if which == 1 then return d.k[i] end
        if which == 2 then return d.v[i] end
        return mktuple({d.k[i], d.v[i]}, 2)
    end
end

function ITER(o)
    local mt = getmetatable(o)
    if mt == LIST_MT or mt == TUPLE_MT then
        local i = 0
        return function()
            i = i + 1
            if i <= o.n then return o[i] end
            return nil
        end
    elseif mt == RANGE_MT then
        local v, stop, step = o.start - o.step, o.stop, o.step
        if step > 0 then
            return function()
                v = v + step
                if v < stop then return v end
                return nil
            end
        end
        return function()
            v = v + step
            if v > stop then return v end
            return nil
        end
    elseif mt == ITER_MT then
        return o.nextf
    elseif mt == DICT_MT then
        return dict_iter(o, 1)
    elseif mt == VIEW_MT then
        return dict_iter(o.d, o.which)
    elseif mt == SET_MT then
        local t, n = set_order(o)
        local i, len0 = 0, o.len
        return function()
            if o.len ~= len0 then
                throw("RuntimeError", "Set changed size during iteration")
            end
            i = i + 1
            if i <= n then return t[i] end
            return nil
        end
    elseif type(o) == "string" then
        local t, n = str_chars(o)
        local i = 0
        return function()
            i = i + 1
            if i <= n then return t[i] end
            return nil
        end
    elseif isnd(o) then
        return ND.iter(o)
    elseif mt == OBJ_MT then
        return OBJ.iter(o)
    end
    throw("TypeError", "'" .. typename(o) .. "' object is not iterable")
end
R.ITER = ITER

-- Iteration whose result cannot depend on the order (sorted() without a
-- key, min/max without a key, any/all, set()): sets need no proof of
-- CPython's order here.
function R.iter_unordered(o)
    if getmetatable(o) == SET_MT then
        local i = 0
        return function()
            repeat
                i = i + 1
                if i > o.n then return nil end
            until o.k[i] ~= nil
            return o.k[i]
        end
    end
    return ITER(o)
end

local function mkiter(nextf, kind)
    return setmetatable({nextf = nextf, kind = kind}, ITER_MT)
end
R.mkiter = mkiter

-- Collect any iterable into a plain array t[1..n].
local function toarray(o)
    local mt = getmetatable(o)
    if mt == LIST_MT or mt == TUPLE_MT then
        return o, o.n
    end
    local t, n = {}, 0
    for v in ITER(o) do
        n = n + 1
        t[n] = v
    end
    return t, n
end
R.toarray = toarray

-- Generators: a coroutine yielding through Y. Resuming passes (value)
-- for next/send or (THROW, exception) for throw/close; the body's return
-- value ends it (StopIteration.value). A generator whose body has
-- cleanup code (finally, with) is listed in GENLIVE while suspended:
-- CPython would run that code when it is collected, at a moment pyprep
-- cannot reproduce, so a program that abandons one is refused at exit.
local THROW = {}
local GENLIVE = {}
R.GENLIVE = GENLIVE
local GEN_METHODS = {}
R.GEN = function(body, cleanup)
    local function Y(v)
        local a, b = coyield(v)
        if a == THROW then error(b, 0) end
        return a
    end
    local co = cocreate(function() return body(Y) end)
    local g
    local function resume(a, b)
        if g.done then return nil, true end
        g.started = true
        if cleanup then GENLIVE[g] = true end
        -- a generator keeps the exception its handler is handling
        -- while it is suspended (CPython's per-frame exception state)
        local saved = R.HANDLING
        if g.handling then R.HANDLING = g.handling end
        local ok, v = coresume(co, a, b)
        local now = R.HANDLING
        g.handling = now ~= saved and now or nil
        R.HANDLING = saved
        if not ok then
            g.done = true
            GENLIVE[g] = nil
            if getmetatable(v) == EXC_MT and v.type == "StopIteration" and
                not v.cls then
                -- PEP 479: a StopIteration escaping a generator
                local r = mkexc("RuntimeError", nil,
                                "generator raised StopIteration")
                r.cause, r.context, r.suppress = v, v, true
                error(r, 0)
            end
            error(v, 0)
        end
        if costatus(co) == "dead" then
            g.done = true
            GENLIVE[g] = nil
            return v, true
        end
        return v, false
    end
    g = mkiter(function()
        local v, fin = resume(NONE)
        if fin then return nil end
        return v
    end, "generator")
    g.resume = resume
    g.methods = GEN_METHODS
    g.co = co
    return g
end

local function stop_iteration(v)
    local args = (v == nil or v == NONE) and EMPTY_TUPLE or mktuple({v}, 1)
    return mkexc("StopIteration", args)
end
R.stop_iteration = stop_iteration

GEN_METHODS.send = function(g, v)
    if not g.started and v ~= NONE then
        throw("TypeError", "can't send non-None value to a just-started " ..
              "generator")
    end
    local r, fin = g.resume(v)
    if fin then error(stop_iteration(r), 0) end
    return r
end
GEN_METHODS.throw = function(g, e, v, ...)
    if getmetatable(e) == TYPE_MT then
        if v ~= nil and v ~= NONE then
            e = getmetatable(v) == EXC_MT and v or e(v)
        else
            e = e()
        end
    end
    if getmetatable(e) ~= EXC_MT then
        throw("TypeError", "exceptions must be classes or instances " ..
              "deriving from BaseException, not " .. typename(e))
    end
    if not g.started or g.done then
        g.done = true
        error(e, 0)
    end
    local r, fin = g.resume(THROW, e)
    if fin then error(stop_iteration(r), 0) end
    return r
end
GEN_METHODS.close = function(g)
    if not g.started or g.done then
        g.done = true
        return NONE
    end
    local ok, r, fin = pcall(g.resume, THROW, mkexc("GeneratorExit",
                                                    EMPTY_TUPLE))
    if ok then
        if not fin then
            throw("RuntimeError", "generator ignored GeneratorExit")
        end
        return NONE
    end
    if getmetatable(r) == EXC_MT and not r.cls and
        (r.type == "GeneratorExit" or r.type == "StopIteration") then
        return NONE
    end
    error(r, 0)
end

-- yield from it (Y: the generator's yield): sends and throws go through
-- to a sub-generator; the value is its return value
R.YFROM = function(Y, it)
    if getmetatable(it) == ITER_MT and it.resume then
        local v, fin = it.resume(NONE)
        while not fin do
            local ok, sent = pcall(Y, v)
            if ok then
                v, fin = it.resume(sent)
            elseif getmetatable(sent) == EXC_MT and
                sent.type == "GeneratorExit" and not sent.cls then
                GEN_METHODS.close(it)
                error(sent, 0)
            elseif getmetatable(sent) == EXC_MT then
                v, fin = it.resume(THROW, sent)
            else
                error(sent, 0)
            end
        end
        if v == nil then return NONE end
        return v
    end
    for x in ITER(it) do Y(x) end
    return NONE
end

R.RANGEARGS = function(a, b)
    if b == nil then a, b = 0, a end
    if mtype(a) ~= "integer" then a = R.index(a) end
    if mtype(b) ~= "integer" then b = R.index(b) end
    return a, b
end

-- An object used as an integer (range bounds, repetition counts).
function R.index(v)
    if mtype(v) == "integer" then return v end
    if type(v) == "boolean" then return v and 1 or 0 end
    if isnd(v) and ND.isscalar(v) then
        local x = ND.item(v)
        if mtype(x) == "integer" then return x end
    end
    throw("TypeError", "'" .. typename(v) ..
          "' object cannot be interpreted as an integer")
end

R.UNPACK = function(v, n, starat)
    local t, m = toarray(v)
    if starat < 0 then
        if m == n then return unpack(t, 1, n) end
        if m > n then
            throw("ValueError", "too many values to unpack (expected " ..
                  n .. ")")
        end
        throw("ValueError", "not enough values to unpack (expected " ..
              n .. ", got " .. m .. ")")
    end
    if m < n - 1 then
        throw("ValueError", "not enough values to unpack (expected at " ..
              "least " .. (n - 1) .. ", got " .. m .. ")")
    end
    local out, mid, k = {}, {}, 0
    for i = 1, starat do out[i] = t[i] end
    for i = starat + 1, m - (n - 1 - starat) do
        k = k + 1
        mid[k] = t[i]
    end
    out[starat + 1] = mklist(mid, k)
    local j = starat + 2
    for i = m - (n - 2 - starat), m do
        out[j] = t[i]
        j = j + 1
    end
    return unpack(out, 1, n)
end

R.STARLIST = function(t)
    local out, n = {}, 0
    for i = 1, t.n, 2 do
        if t[i] then
            for v in ITER(t[i + 1]) do
                n = n + 1
                out[n] = v
            end
        else
            n = n + 1
            out[n] = t[i + 1]
        end
    end
    out.n = n
    return out
end

R.MKSET = function(t)
    local s = newset()
    for i = 1, t.n do sadd(s, t[i]) end
    return s
end

-- ---------------------------------------------------------------------
-- repr / str

local frepr = C.frepr
local REPR, STR

local function str_repr(s)
    local q = "'"
    if sfind(s, "'", 1, true) and not sfind(s, '"', 1, true) then
        q = '"'
    end
    local out = sgsub(s, "[%z\1-\31\127\\'\"]", function(c)
        if c == "\\" then return "\\\\" end
        if c == "\n" then return "\\n" end
        if c == "\r" then return "\\r" end
        if c == "\t" then return "\\t" end
        if c == q then return "\\" .. c end
        if c == "'" or c == '"' then return c end
        return sfmt("\\x%02x", sbyte(c))
    end)
    if sfind(out, "[\128-\255]") then
        -- non-printable non-ASCII code points are escaped like CPython
        local parts, n = {}, 0
        if not ulen(out) then
            refuse("strings that are not valid UTF-8")
        end
        for _, cp in ucodes(out) do
            n = n + 1
            if cp < 0x80 then
                parts[n] = schar(cp)
            elseif cp < 0xA1 or cp == 0xAD then
                parts[n] = sfmt("\\x%02x", cp)
            elseif (cp >= 0x2000 and cp <= 0x200F) or
                (cp >= 0x2028 and cp <= 0x202F) or
                (cp >= 0x205F and cp <= 0x206F) or cp == 0x3000 or
                cp == 0xFEFF or (cp >= 0xD800 and cp <= 0xF8FF) or
                cp == 0x1680 or cp >= 0xE0000 then
                parts[n] = cp > 0xFFFF and sfmt("\\U%08x", cp)
                               or sfmt("\\u%04x", cp)
            elseif cp >= 0x0300 and cp < 0x0370 then
                refuse("repr of strings with combining characters")
            else
                parts[n] = uchar(cp)
            end
        end
        out = concat(parts)
    end
    return q .. out .. q
end
R.str_repr = str_repr

local function seq_repr(o, open, close, seen)
    if seen[o] then return open .. "..." .. close end
    seen[o] = true
    local parts = {}
    for i = 1, o.n do parts[i] = REPR(o[i], seen) end
    seen[o] = nil
    if o.n == 1 and open == "(" then return "(" .. parts[1] .. ",)" end
    return open .. concat(parts, ", ") .. close
end

local function exc_str(e)
    if e.cls then
        local s = OBJ.dunder_str(e, "__str__")
        if s then return s end
    end
    if e.args == nil then return e.message or "" end
    if e.args.n == 0 then return "" end
    if e.args.n == 1 then
        if e.type == "KeyError" then return REPR(e.args[1]) end
        return STR(e.args[1])
    end
    return REPR(e.args)
end

function REPR(v, seen)
    local tv = type(v)
    if tv == "number" then
        if mtype(v) == "integer" then return tostring(v) end
        return frepr(v)
    elseif tv == "string" then
        return str_repr(v)
    elseif tv == "boolean" then
        return v and "True" or "False"
    elseif v == NONE then
        return "None"
    elseif tv == "table" then
        local mt = getmetatable(v)
        seen = seen or {}
        if mt == LIST_MT then return seq_repr(v, "[", "]", seen)
        elseif mt == TUPLE_MT then return seq_repr(v, "(", ")", seen)
        elseif mt == DICT_MT then
            if seen[v] then return "{...}" end
            seen[v] = true
            local parts, n = {}, 0
            for i = 1, v.n do
                if v.k[i] ~= nil then
                    n = n + 1
                    parts[n] = REPR(v.k[i], seen) .. ": " ..
                                   REPR(v.v[i], seen)
                end
            end
            seen[v] = nil
            return "{" .. concat(parts, ", ") .. "}"
        elseif mt == SET_MT then
            local t, n = set_order(v)
            if n == 0 then
                return v.frozen and "frozenset()" or "set()"
            end
            local parts = {}
            for i = 1, n do parts[i] = REPR(t[i], seen) end
            if v.frozen then
                return "frozenset({" .. concat(parts, ", ") .. "})"
            end
            return "{" .. concat(parts, ", ") .. "}"
        elseif mt == RANGE_MT then
            if v.step == 1 then
                return "range(" .. v.start .. ", " .. v.stop .. ")"
            end
            return "range(" .. v.start .. ", " .. v.stop .. ", " ..
                       v.step .. ")"
        elseif mt == TYPE_MT then
            return v.repr or ("<class '" .. v.__name__ .. "'>")
        elseif mt == OBJ_MT then
            return OBJ.repr(v)
        elseif mt == EXC_MT then
            local s = v.cls and OBJ.dunder_str(v, "__repr__")
            if s then return s end
            local args = v.args or
                             (v.message and mktuple({v.message}, 1)) or
                             EMPTY_TUPLE
            local name = v.type:match("[^.]+$")
            if args.n == 1 then
                return name .. "(" .. REPR(args[1], seen) .. ")"
            end
            return name .. REPR(args, seen)
        elseif mt == VIEW_MT then
            local parts, n = {}, 0
            for x in dict_iter(v.d, v.which) do
                n = n + 1
                parts[n] = REPR(x, seen)
            end
            return v.kind .. "([" .. concat(parts, ", ") .. "])"
        elseif mt == SLICE_MT then
            return "slice(" .. REPR(v.start) .. ", " .. REPR(v.stop) ..
                       ", " .. REPR(v.step) .. ")"
        elseif mt == MODULE_MT then
            if v.__name__ == "numpy" then
                refuse("repr of the numpy module")
            end
            return "<module '" .. v.__name__ .. "' (built-in)>"
        end
        refuse("repr of this object")
    elseif isnd(v) then
        return ND.repr(v)
    end
    refuse("repr of " .. typename(v) .. " objects (they show addresses)")
end

function STR(v)
    local tv = type(v)
    if tv == "string" then return v end
    if tv == "number" then
        if mtype(v) == "integer" then return tostring(v) end
        return frepr(v)
    end
    if tv == "table" then
        local mt = getmetatable(v)
        if mt == EXC_MT then return exc_str(v) end
        if mt == OBJ_MT then
            return OBJ.dunder_str(v, "__str__") or REPR(v)
        end
    end
    if isnd(v) then return ND.str(v) end
    return REPR(v)
end
R.REPR = function(v) return REPR(v) end
R.STR = STR
R.ASCII = function(v)
    local s = REPR(v)
    if sfind(s, "[\128-\255]") then refuse("ascii() of non-ASCII text") end
    return s
end

-- ---------------------------------------------------------------------
-- output

local outbuf, outn, outsize = {}, 0, 0
local function flush()
    if outn > 0 then
        C.write(1, concat(outbuf, "", 1, outn))
        outbuf, outn, outsize = {}, 0, 0
    end
end
R.flush = flush

local function write(s)
    outn = outn + 1
    outbuf[outn] = s
    outsize = outsize + #s
    if outsize > 4096 then flush() end
end
R.write = write

-- The trailing keyword table of a builtin call, if any.
local function getkw(n, ...)
    if n > 0 then
        local last = select(n, ...)
        if type(last) == "table" and getmetatable(last) == KW_MT then
            return last, n - 1
        end
    end
    return nil, n
end
R.getkw = getkw

local function kwcheck(fname, kw, allowed)
    if not kw then return end
    for k in pairs(kw) do
        if not allowed[k] then
            throw("TypeError", "'" .. k .. "' is an invalid keyword " ..
                  "argument for " .. fname .. "()")
        end
    end
end

local B = {}
R.B = B

B.print = function(...)
    local n = select("#", ...)
    local kw
    kw, n = getkw(n, ...)
    local sep, fin = " ", "\n"
    if kw then
        kwcheck("print", kw, {sep = 1, ["end"] = 1, flush = 1, file = 1})
        if kw.file ~= nil then refuse("print(file=...)") end
        if kw.sep ~= nil and kw.sep ~= NONE then
            if type(kw.sep) ~= "string" then
                throw("TypeError", "sep must be None or a string, not " ..
                      typename(kw.sep))
            end
            sep = kw.sep
        end
        if kw["end"] ~= nil and kw["end"] ~= NONE then
            if type(kw["end"]) ~= "string" then
                throw("TypeError", "end must be None or a string, not " ..
                      typename(kw["end"]))
            end
            fin = kw["end"]
        end
    end
    local parts = {}
    for i = 1, n do parts[i] = STR((select(i, ...))) end
    write(concat(parts, sep, 1, n) .. fin)
    return NONE
end

-- ---------------------------------------------------------------------
-- truth, equality, ordering

local function TRUTH(v)
    if v == true then return true end
    if v == false or v == NONE then return false end
    local tv = type(v)
    if tv == "number" then return v ~= 0 end
    if tv == "string" then return v ~= "" end
    if tv == "table" then
        local mt = getmetatable(v)
        if mt == LIST_MT or mt == TUPLE_MT then return v.n > 0 end
        if mt == DICT_MT or mt == SET_MT then return v.len > 0 end
        if mt == RANGE_MT then return R.rangelen(v) > 0 end
        if mt == VIEW_MT then return v.d.len > 0 end
        if mt == OBJ_MT then return OBJ.truth(v) end
        return true
    end
    if isnd(v) then return ND.truth(v) end
    return true
end
R.TRUTH = TRUTH

local EQ
-- Equality as a Lua boolean (array results go through truth()).
local function EQB(a, b)
    local r = EQ(a, b)
    if r == true or r == false then return r end
    return TRUTH(r)
end
R.EQB = EQB

local function seq_eq(a, b)
    if a.n ~= b.n then return false end
    for i = 1, a.n do
        local x, y = a[i], b[i]
        if not rawequal(x, y) and not EQB(x, y) then return false end
    end
    return true
end

function EQ(a, b)
    if rawequal(a, b) and not isnd(a) then
        if getmetatable(a) == OBJ_MT then return OBJ.eq(a, b) end
        return a == a -- NaN is not equal to itself
    end
    local ta, tb = type(a), type(b)
    if ta == "number" and tb == "number" then return a == b end
    if ta == "boolean" and tb == "number" then return (a and 1 or 0) == b end
    if tb == "boolean" and ta == "number" then return (b and 1 or 0) == a end
    if isnd(a) or isnd(b) then return ND.cmp("==", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.eq(a, b)
    end
    if ta ~= "table" or tb ~= "table" then return false end
    local ma, mb = getmetatable(a), getmetatable(b)
    if ma ~= mb then
        if (ma == SET_MT and mb == SET_MT) then return false end
        return false
    end
    if ma == LIST_MT or ma == TUPLE_MT then return seq_eq(a, b) end
    if ma == DICT_MT then
        if a.len ~= b.len then return false end
        for i = 1, a.n do
            local k = a.k[i]
            if k ~= nil then
                local w = dget(b, k)
                if w == nil or not EQB(a.v[i], w) then return false end
            end
        end
        return true
    end
    if ma == SET_MT then
        if a.len ~= b.len then return false end
        for i = 1, a.n do
            if a.k[i] ~= nil and not shas(b, a.k[i]) then return false end
        end
        return true
    end
    if ma == RANGE_MT then
        local la, lb = R.rangelen(a), R.rangelen(b)
        if la ~= lb then return false end
        if la == 0 then return true end
        if a.start ~= b.start then return false end
        return la == 1 or a.step == b.step
    end
    if ma == SLICE_MT then
        return EQ(a.start, b.start) and EQ(a.stop, b.stop) and
                   EQ(a.step, b.step)
    end
    return false
end
R.EQ = EQ
R.NE = function(a, b)
    if isnd(a) or isnd(b) then return ND.cmp("!=", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.ne(a, b)
    end
    return not EQ(a, b)
end

local strlt = C.strlt
local function cmp_error(op, a, b)
    throw("TypeError", "'" .. op .. "' not supported between instances " ..
          "of '" .. typename(a) .. "' and '" .. typename(b) .. "'")
end

-- a < b for non-numbers (op names the operator for the error).
local function lt_slow(a, b, op)
    local ta, tb = type(a), type(b)
    if ta == "boolean" then a = a and 1 or 0; ta = "number" end
    if tb == "boolean" then b = b and 1 or 0; tb = "number" end
    if ta == "number" and tb == "number" then return a < b end
    if ta == "string" and tb == "string" then return strlt(a, b) end
    local ma, mb = getmetatable(a), getmetatable(b)
    if ta == "table" and ma == mb and (ma == LIST_MT or ma == TUPLE_MT) then
        local n = a.n < b.n and a.n or b.n
        for i = 1, n do
            local x, y = a[i], b[i]
            if not EQB(x, y) then return lt_slow(x, y, op) end
        end
        return a.n < b.n
    end
    if ta == "table" and ma == SET_MT and mb == SET_MT then
        -- proper subset (op '<' or '>' already swapped to '<')
        if a.len >= b.len then return false end
        for i = 1, a.n do
            if a.k[i] ~= nil and not shas(b, a.k[i]) then return false end
        end
        return true
    end
    cmp_error(op, a, b)
end

local function LT(a, b)
    if mtype(a) and mtype(b) then return a < b end
    if isnd(a) or isnd(b) then return ND.cmp("<", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.cmp(a, b, "<")
    end
    return lt_slow(a, b, "<")
end
local function GT(a, b)
    if mtype(a) and mtype(b) then return a > b end
    if isnd(a) or isnd(b) then return ND.cmp(">", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.cmp(a, b, ">")
    end
    return lt_slow(b, a, ">")
end
local function LE(a, b)
    if mtype(a) and mtype(b) then return a <= b end
    if isnd(a) or isnd(b) then return ND.cmp("<=", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.cmp(a, b, "<=")
    end
    if type(a) == "string" and type(b) == "string" then
        return not strlt(b, a)
    end
    if getmetatable(a) == SET_MT and getmetatable(b) == SET_MT then
        return a.len <= b.len and (EQ(a, b) or lt_slow(a, b, "<="))
    end
    return lt_slow(a, b, "<=") or EQB(a, b)
end
local function GE(a, b)
    if mtype(a) and mtype(b) then return a >= b end
    if isnd(a) or isnd(b) then return ND.cmp(">=", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.cmp(a, b, ">=")
    end
    if type(a) == "string" and type(b) == "string" then
        return not strlt(a, b)
    end
    if getmetatable(a) == SET_MT and getmetatable(b) == SET_MT then
        return b.len <= a.len and (EQ(a, b) or lt_slow(b, a, ">="))
    end
    return lt_slow(b, a, ">=") or EQB(a, b)
end
R.LT, R.GT, R.LE, R.GE = LT, GT, LE, GE
R.lt = function(a, b) return lt_slow(a, b, "<") end

local function CONTAINS(o, x)
    local mt = getmetatable(o)
    if mt == LIST_MT or mt == TUPLE_MT then
        for i = 1, o.n do
            local y = o[i]
            if rawequal(x, y) or EQB(x, y) then return true end
        end
        return false
    elseif mt == DICT_MT then
        return o.ix[hkey(x)] ~= nil
    elseif mt == SET_MT then
        return shas(o, x)
    elseif mt == VIEW_MT then
        if o.which == 1 then return o.d.ix[hkey(x)] ~= nil end
        for v in dict_iter(o.d, o.which) do
            if EQB(v, x) then return true end
        end
        return false
    elseif mt == RANGE_MT then
        if type(x) == "boolean" then x = x and 1 or 0 end
        if mtype(x) == "float" then
            if x ~= floor(x) then return false end
            x = floor(x)
        end
        if mtype(x) ~= "integer" then return false end
        if o.step > 0 then
            if x < o.start or x >= o.stop then return false end
        else
            if x > o.start or x <= o.stop then return false end
        end
        return (x - o.start) % o.step == 0
    elseif type(o) == "string" then
        if type(x) ~= "string" then
            throw("TypeError", "'in <string>' requires string as left " ..
                  "operand, not " .. typename(x))
        end
        return sfind(o, x, 1, true) ~= nil
    elseif isnd(o) then
        return ND.contains(o, x)
    elseif mt == OBJ_MT then
        local f = OBJ.lookup(o[CLS], "__contains__")
        if f then return TRUTH(f(o, x)) end
    end
    for v in ITER(o) do
        if EQB(v, x) then return true end
    end
    return false
end
R.IN = function(a, b) return CONTAINS(b, a) end
R.NOTIN = function(a, b) return not CONTAINS(b, a) end
R.contains = CONTAINS

local function IS(a, b)
    if rawequal(a, b) then
        local ta = type(a)
        if ta == "number" or ta == "string" then
            -- identity of equal numbers/strings depends on CPython's caches
            if mtype(a) == "integer" and a >= -5 and a <= 256 then
                return true
            end
            refuse("'is' between numbers or strings")
        end
        return true
    end
    local ta, tb = type(a), type(b)
    if (ta == "number" and tb == "number") or
        (ta == "string" and tb == "string") then
        if ta == "number" and a ~= b then return false end
        if ta == "string" and a ~= b then return false end
        refuse("'is' between numbers or strings")
    end
    return false
end
R.IS = IS
R.ISNOT = function(a, b) return not IS(a, b) end

-- ---------------------------------------------------------------------
-- arithmetic

local function tonum(v)
    if type(v) == "boolean" then return v and 1 or 0 end
    return v
end

local function binop_error(op, a, b)
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.binop(a, b, op)
    end
    throw("TypeError", "unsupported operand type(s) for " .. op .. ": '" ..
          typename(a) .. "' and '" .. typename(b) .. "'")
end

local function seq_concat(a, b)
    local t, n = {}, a.n
    for i = 1, n do t[i] = a[i] end
    for i = 1, b.n do t[n + i] = b[i] end
    t.n = n + b.n
    return setmetatable(t, getmetatable(a))
end

local function seq_repeat(a, k)
    local t, n = {}, 0
    if k > 0 and a.n * k > 1e8 then throw("MemoryError", "") end
    for _ = 1, k do
        for i = 1, a.n do
            n = n + 1
            t[n] = a[i]
        end
    end
    t.n = n
    return setmetatable(t, getmetatable(a))
end

local function str_repeat(s, k)
    if k <= 0 then return "" end
    if #s * k > 1e9 then throw("MemoryError", "") end
    return srep(s, k)
end

local ND_OPS = {}

local function nd_binop(op, a, b)
    return ND.binop(op, a, b)
end

local ADD, SUB, MUL
local function add_slow(a, b)
    if isnd(a) or isnd(b) then return nd_binop("+", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.binop(a, b, "+")
    end
    local ta, tb = type(a), type(b)
    if ta == "string" and tb == "string" then return a .. b end
    if ta == "boolean" or tb == "boolean" then
        local x, y = tonum(a), tonum(b)
        if mtype(x) and mtype(y) then return ADD(x, y) end
    end
    if ta == "table" and tb == "table" then
        local ma, mb = getmetatable(a), getmetatable(b)
        if ma == mb and (ma == LIST_MT or ma == TUPLE_MT) then
            return seq_concat(a, b)
        end
        if ma == LIST_MT or ma == TUPLE_MT then
            throw("TypeError", "can only concatenate " .. typename(a) ..
                  " (not \"" .. typename(b) .. "\") to " .. typename(a))
        end
    end
    if ta == "string" then
        throw("TypeError", "can only concatenate str (not \"" ..
              typename(b) .. "\") to str")
    end
    if ta == "table" and (getmetatable(a) == LIST_MT or
                          getmetatable(a) == TUPLE_MT) then
        throw("TypeError", "can only concatenate " .. typename(a) ..
              " (not \"" .. typename(b) .. "\") to " .. typename(a))
    end
    return binop_error("+", a, b)
end

function ADD(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        local r = a + b
        if (a ~ r) & (b ~ r) < 0 then overflow() end
        return r
    elseif ta and tb then
        return a + b
    end
    return add_slow(a, b)
end

function SUB(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        local r = a - b
        if (a ~ b) & (a ~ r) < 0 then overflow() end
        return r
    elseif ta and tb then
        return a - b
    end
    if isnd(a) or isnd(b) then return nd_binop("-", a, b) end
    if type(a) == "boolean" or type(b) == "boolean" then
        local x, y = tonum(a), tonum(b)
        if mtype(x) and mtype(y) then return SUB(x, y) end
    end
    local sa, sb = R.asset(a), R.asset(b)
    if sa and sb then return R.set_difference(sa, sb) end
    return binop_error("-", a, b)
end

local function imul(a, b)
    if a < 0x7fffffff and a > -0x7fffffff and b < 0x7fffffff and
        b > -0x7fffffff then
        return a * b
    end
    local r = a * b
    if a ~= 0 and (r // a ~= b or (a == -1 and b == minint)) then
        overflow()
    end
    return r
end

function MUL(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        return imul(a, b)
    elseif ta and tb then
        return a * b
    end
    if isnd(a) or isnd(b) then return nd_binop("*", a, b) end
    if getmetatable(a) == OBJ_MT or getmetatable(b) == OBJ_MT then
        return OBJ.binop(a, b, "*")
    end
    local x, y = tonum(a), tonum(b)
    if mtype(x) and mtype(y) then return MUL(x, y) end
    local tx, ty = type(x), type(y)
    if tx == "string" and mtype(y) == "integer" then return str_repeat(x, y) end
    if ty == "string" and mtype(x) == "integer" then return str_repeat(y, x) end
    if tx == "table" and mtype(y) == "integer" and
        (getmetatable(x) == LIST_MT or getmetatable(x) == TUPLE_MT) then
        return seq_repeat(x, y)
    end
    if ty == "table" and mtype(x) == "integer" and
        (getmetatable(y) == LIST_MT or getmetatable(y) == TUPLE_MT) then
        return seq_repeat(y, x)
    end
    if (tx == "string" or getmetatable(x) == LIST_MT or
        getmetatable(x) == TUPLE_MT) and mtype(y) == "float" then
        throw("TypeError", "can't multiply sequence by non-int of type " ..
              "'float'")
    end
    return binop_error("*", a, b)
end

local BIG = 9007199254740992 -- 2^53: beyond it int->float rounds
local function DIV(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta and tb then
        if b == 0 then
            throw("ZeroDivisionError", ta == "integer" and tb == "integer"
                  and "division by zero" or "float division by zero")
        end
        if ta == "integer" and tb == "integer" and
            (a > BIG or a < -BIG or b > BIG or b < -BIG) then
            refuse("true division of integers beyond 2**53")
        end
        return a / b
    end
    if isnd(a) or isnd(b) then return nd_binop("/", a, b) end
    local x, y = tonum(a), tonum(b)
    if mtype(x) and mtype(y) then return DIV(x, y) end
    return binop_error("/", a, b)
end

local function copysign0(sign_of)
    if sign_of < 0 or (sign_of == 0 and 1 / sign_of < 0) then
        return -0.0
    end
    return 0.0
end

-- CPython's float divmod (Objects/floatobject.c float_divmod).
local function float_divmod(vx, wx)
    local mod = fmod(vx, wx)
    local div = (vx - mod) / wx
    if mod ~= 0 then
        if (wx < 0) ~= (mod < 0) then
            mod = mod + wx
            div = div - 1.0
        end
    else
        mod = copysign0(wx)
    end
    local fd
    if div ~= 0 then
        fd = floor(div) * 1.0
        if div - fd > 0.5 then fd = fd + 1.0 end
    else
        fd = copysign0(vx / wx)
    end
    return fd, mod
end
R.float_divmod = float_divmod

local function FLOORDIV(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        if b == 0 then
            throw("ZeroDivisionError", "integer division or modulo by zero")
        end
        if b == -1 and a == minint then overflow() end
        return a // b
    elseif ta and tb then
        if b == 0 then
            throw("ZeroDivisionError", "float floor division by zero")
        end
        return (float_divmod(a * 1.0, b * 1.0))
    end
    if isnd(a) or isnd(b) then return nd_binop("//", a, b) end
    local x, y = tonum(a), tonum(b)
    if mtype(x) and mtype(y) then return FLOORDIV(x, y) end
    return binop_error("//", a, b)
end

local MOD
function MOD(a, b)
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        if b == 0 then
            throw("ZeroDivisionError", "integer modulo by zero")
        end
        return a % b
    elseif ta and tb then
        if b == 0 then throw("ZeroDivisionError", "float modulo") end
        local _, m = float_divmod(a * 1.0, b * 1.0)
        return m
    end
    if isnd(a) or isnd(b) then return nd_binop("%", a, b) end
    if type(a) == "string" then return R.percent_format(a, b) end
    local x, y = tonum(a), tonum(b)
    if mtype(x) and mtype(y) then return MOD(x, y) end
    return binop_error("%", a, b)
end

local function ipow(a, b)
    local r = 1
    while b > 0 do
        if b & 1 == 1 then r = imul(r, a) end
        b = b >> 1
        if b > 0 then a = imul(a, a) end
    end
    return r
end

local POW
function POW(a, b, m)
    if m ~= nil and m ~= NONE then
        if mtype(a) == "integer" and mtype(b) == "integer" and
            mtype(m) == "integer" and b >= 0 and m ~= 0 then
            local r, base = 1 % m, a % m
            while b > 0 do
                if b & 1 == 1 then r = imul(r, base) % m end
                base = imul(base, base) % m
                b = b >> 1
            end
            return r
        end
        refuse("this form of pow() with a modulus")
    end
    local ta, tb = mtype(a), mtype(b)
    if ta == "integer" and tb == "integer" then
        if b >= 0 then return ipow(a, b) end
        if a == 0 then
            throw("ZeroDivisionError",
                  "0.0 cannot be raised to a negative power")
        end
        return (a * 1.0) ^ b
    elseif ta and tb then
        if a == 0 and b < 0 then
            throw("ZeroDivisionError",
                  "0.0 cannot be raised to a negative power")
        end
        if a < 0 and b ~= floor(b) then
            refuse("complex numbers (negative number to a fractional power)")
        end
        local r = (a * 1.0) ^ b
        if (r == huge or r == -huge) and a == a and a ~= huge and
            a ~= -huge then
            throw("OverflowError", "(34, 'Numerical result out of range')")
        end
        return r
    end
    if isnd(a) or isnd(b) then return nd_binop("**", a, b) end
    local x, y = tonum(a), tonum(b)
    if mtype(x) and mtype(y) then return POW(x, y) end
    return binop_error("** or pow()", a, b)
end

local function intop(op, f)
    return function(a, b)
        local x, y = tonum(a), tonum(b)
        if mtype(x) == "integer" and mtype(y) == "integer" then
            if type(a) == "boolean" and type(b) == "boolean" and
                (op == "&" or op == "|" or op == "^") then
                return f(x, y) ~= 0
            end
            return f(x, y)
        end
        if isnd(a) or isnd(b) then return nd_binop(op, a, b) end
        local ma, mb = getmetatable(a), getmetatable(b)
        local sa, sb = R.asset(a), R.asset(b)
        if sa and sb then
            return R.setop(op, sa, sb)
        end
        if ma == DICT_MT and mb == DICT_MT and op == "|" then
            local d = newdict()
            for i = 1, a.n do
                if a.k[i] ~= nil then dset(d, a.k[i], a.v[i]) end
            end
            for i = 1, b.n do
                if b.k[i] ~= nil then dset(d, b.k[i], b.v[i]) end
            end
            return d
        end
        return binop_error(op, a, b)
    end
end

local LSHIFT = intop("<<", function(a, b)
    if b < 0 then throw("ValueError", "negative shift count") end
    if b >= 63 then
        if a == 0 then return 0 end
        overflow()
    end
    local r = a << b
    if r >> b ~= a or (r < 0) ~= (a < 0) then overflow() end
    return r
end)
local RSHIFT = intop(">>", function(a, b)
    if b < 0 then throw("ValueError", "negative shift count") end
    if b >= 63 then return a < 0 and -1 or 0 end
    return a >> b | (a < 0 and ~(-1 >> b) or 0)
end)
local BITOR = intop("|", function(a, b) return a | b end)
local BITXOR = intop("^", function(a, b) return a ~ b end)
local BITAND = intop("&", function(a, b) return a & b end)

local function MATMUL(a, b)
    if isnd(a) or isnd(b) then return nd_binop("@", a, b) end
    return binop_error("@", a, b)
end

R.ADD, R.SUB, R.MUL, R.DIV, R.FLOORDIV, R.MOD, R.POW, R.MATMUL =
    ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW, MATMUL
R.LSHIFT, R.RSHIFT, R.BITOR, R.BITXOR, R.BITAND =
    LSHIFT, RSHIFT, BITOR, BITXOR, BITAND

-- In-place forms: lists, dicts, sets and arrays mutate; the rest rebind.
local function inplace(op, f)
    return function(a, b)
        if mtype(a) and mtype(b) then return f(a, b) end
        if isnd(a) and not ND.isscalar(a) then
            return ND.inplace(op, a, b)
        end
        local mt = getmetatable(a)
        if mt == OBJ_MT then
            local r = OBJ.inplace(a, b, op)
            if r ~= NOTIMPL then return r end
        end
        if mt == LIST_MT then
            if op == "+" then
                local t, m = toarray(b)
                local n = a.n
                for i = 1, m do a[n + i] = t[i] end
                a.n = n + m
                return a
            elseif op == "*" then
                local k = R.index(b)
                local n = a.n
                if k <= 0 then
                    for i = 1, n do a[i] = nil end
                    a.n = 0
                    return a
                end
                local c = n
                for _ = 2, k do
                    for i = 1, n do
                        c = c + 1
                        a[c] = a[i]
                    end
                end
                a.n = c
                return a
            end
        elseif mt == SET_MT and getmetatable(b) == SET_MT and
            (op == "|" or op == "&" or op == "-" or op == "^") then
            local r = R.setop(op, a, b)
            a.k, a.ix, a.n, a.len, a.fill, a.size = r.k, r.ix, r.n, r.len,
                r.fill, r.size
            a.approx = true
            return a
        elseif mt == DICT_MT and op == "|" then
            for i = 1, b.n do
                if b.k[i] ~= nil then dset(a, b.k[i], b.v[i]) end
            end
            return a
        end
        return f(a, b)
    end
end
R.IADD = inplace("+", ADD)
R.ISUB = inplace("-", SUB)
R.IMUL = inplace("*", MUL)
R.IDIV = inplace("/", DIV)
R.IFLOORDIV = inplace("//", FLOORDIV)
R.IMOD = inplace("%", MOD)
R.IPOW = inplace("**", POW)
R.IMATMUL = inplace("@", MATMUL)
R.ILSHIFT = inplace("<<", LSHIFT)
R.IRSHIFT = inplace(">>", RSHIFT)
R.IBITOR = inplace("|", BITOR)
R.IBITXOR = inplace("^", BITXOR)
R.IBITAND = inplace("&", BITAND)

R.NEG = function(a)
    local t = mtype(a)
    if t == "integer" then
        if a == minint then overflow() end
        return -a
    elseif t then
        return -a
    end
    if type(a) == "boolean" then return a and -1 or 0 end
    if isnd(a) then return ND.unop("-", a) end
    if getmetatable(a) == OBJ_MT then return OBJ.unop(a, "__neg__", "-") end
    throw("TypeError", "bad operand type for unary -: '" ..
          typename(a) .. "'")
end
R.POS = function(a)
    if mtype(a) then return a end
    if type(a) == "boolean" then return a and 1 or 0 end
    if isnd(a) then return ND.unop("+", a) end
    if getmetatable(a) == OBJ_MT then return OBJ.unop(a, "__pos__", "+") end
    throw("TypeError", "bad operand type for unary +: '" ..
          typename(a) .. "'")
end
R.INVERT = function(a)
    if mtype(a) == "integer" then return ~a end
    if type(a) == "boolean" then return a and -2 or -1 end
    if isnd(a) then return ND.unop("~", a) end
    if getmetatable(a) == OBJ_MT then return OBJ.unop(a, "__invert__", "~") end
    throw("TypeError", "bad operand type for unary ~: '" ..
          typename(a) .. "'")
end

-- ---------------------------------------------------------------------
-- indexing and slicing

local function mkslice(a, b, c)
    if ND and ND.slice then return ND.slice(a, b, c) end
    return setmetatable({start = a, stop = b, step = c}, SLICE_MT)
end
R.SLICE = mkslice

local function isslice(k)
    if type(k) == "table" then return getmetatable(k) == SLICE_MT end
    return ND ~= nil and ND.isslice ~= nil and ND.isslice(k)
end

-- Python's PySlice_GetIndicesEx: start, stop, step and length.
local function slice_indices(k, n)
    local start, stop, step
    if type(k) == "table" then
        start, stop, step = k.start, k.stop, k.step
    else
        start, stop, step = ND.slicefields(k)
    end
    if step == NONE then
        step = 1
    else
        step = R.sliceint(step)
        if step == 0 then throw("ValueError", "slice step cannot be zero") end
    end
    local lo, hi = step < 0 and -1 or 0, step < 0 and n - 1 or n
    if start == NONE then
        start = step < 0 and hi or lo
    else
        start = R.sliceint(start)
        if start < 0 then
            start = start + n
            if start < lo then start = lo end
        elseif start > hi then
            start = hi
        end
    end
    if stop == NONE then
        stop = step < 0 and lo or hi
    else
        stop = R.sliceint(stop)
        if stop < 0 then
            stop = stop + n
            if stop < lo then stop = lo end
        elseif stop > hi then
            stop = hi
        end
    end
    local len
    if step < 0 then
        len = stop < start and (start - stop - 1) // (-step) + 1 or 0
    else
        len = start < stop and (stop - start - 1) // step + 1 or 0
    end
    return start, stop, step, len
end
R.slice_indices = slice_indices

function R.sliceint(v)
    if mtype(v) == "integer" then return v end
    if type(v) == "boolean" then return v and 1 or 0 end
    if isnd(v) and ND.isscalar(v) then
        local x = ND.item(v)
        if mtype(x) == "integer" then return x end
    end
    throw("TypeError", "slice indices must be integers or None or have " ..
          "an __index__ method")
end

local function seq_index(o, k, what)
    if mtype(k) ~= "integer" then
        if type(k) == "boolean" then
            k = k and 1 or 0
        elseif isnd(k) and ND.isscalar(k) and
            mtype(ND.item(k)) == "integer" then
            k = ND.item(k)
        else
            throw("TypeError", what .. " indices must be integers or " ..
                  "slices, not " .. typename(k))
        end
    end
    local n = o.n
    if k < 0 then k = k + n end
    if k < 0 or k >= n then
        throw("IndexError", what .. " index out of range")
    end
    return k + 1
end

local function str_getitem(s, k)
    local ascii = not sfind(s, "[\128-\255]")
    if isslice(k) then
        local t, n
        if ascii then
            n = #s
            local start, _, step, len = slice_indices(k, n)
            if step == 1 then return ssub(s, start + 1, start + len) end
            local parts = {}
            for i = 0, len - 1 do
                local j = start + i * step + 1
                parts[i + 1] = ssub(s, j, j)
            end
            return concat(parts)
        end
        t, n = str_chars(s)
        local start, _, step, len = slice_indices(k, n)
        local parts = {}
        for i = 0, len - 1 do parts[i + 1] = t[start + i * step + 1] end
        return concat(parts)
    end
    if ascii then
        local i = seq_index({n = #s}, k, "string")
        return ssub(s, i, i)
    end
    local t, n = str_chars(s)
    return t[seq_index({n = n}, k, "string")]
end
R.str_getitem = str_getitem

local function GI(o, k, ...)
    if ... ~= nil then
        if isnd(o) then return ND.getitem(o, k, ...) end
        local n = select("#", ...)
        local t = {k, ...}
        return GI(o, mktuple(t, n + 1))
    end
    local mt = getmetatable(o)
    if mt == LIST_MT or mt == TUPLE_MT then
        if mtype(k) == "integer" then
            local n = o.n
            if k < 0 then k = k + n end
            if k >= 0 and k < n then return o[k + 1] end
        end
        if isslice(k) then
            local start, _, step, len = slice_indices(k, o.n)
            local t = {}
            for i = 0, len - 1 do t[i + 1] = o[start + i * step + 1] end
            t.n = len
            return setmetatable(t, mt)
        end
        return o[seq_index(o, k, mt == LIST_MT and "list" or "tuple")]
    elseif mt == DICT_MT then
        local v = dget(o, k)
        if v == nil then
            error(mkexc("KeyError", mktuple({k}, 1)), 0)
        end
        return v
    elseif type(o) == "string" then
        return str_getitem(o, k)
    elseif isnd(o) then
        if type(k) == "table" and getmetatable(k) == TUPLE_MT then
            return ND.getitem(o, unpack(k, 1, k.n))
        end
        return ND.getitem(o, k)
    elseif mt == RANGE_MT then
        local n = R.rangelen(o)
        if isslice(k) then
            local start, _, step, len = slice_indices(k, n)
            local s0 = o.start + start * o.step
            return setmetatable({start = s0, stop = s0 + len * step * o.step,
                                 step = step * o.step}, RANGE_MT)
        end
        local i = seq_index({n = n}, k, "range object")
        return o.start + (i - 1) * o.step
    elseif mt == TYPE_MT then
        refuse("type subscripts (generics)")
    elseif mt == OBJ_MT then
        local f = OBJ.lookup(o[CLS], "__getitem__")
        if f then return f(o, k) end
    end
    throw("TypeError", "'" .. typename(o) ..
          "' object is not subscriptable")
end
R.GI = GI

local function SETITEM(o, k, v)
    local mt = getmetatable(o)
    if mt == LIST_MT then
        if mtype(k) == "integer" then
            local n = o.n
            if k < 0 then k = k + n end
            if k >= 0 and k < n then
                o[k + 1] = v
                return
            end
        end
        if isslice(k) then
            local start, stop, step, len = slice_indices(k, o.n)
            local t, m = toarray(v)
            if step == 1 then
                if stop < start then stop = start end
                -- replace o[start:stop] by t
                local tail, tn = {}, 0
                for i = stop + 1, o.n do
                    tn = tn + 1
                    tail[tn] = o[i]
                end
                for i = start + 1, o.n do o[i] = nil end
                for i = 1, m do o[start + i] = t[i] end
                for i = 1, tn do o[start + m + i] = tail[i] end
                o.n = start + m + tn
                return
            end
            if m ~= len then
                throw("ValueError", "attempt to assign sequence of size " ..
                      m .. " to extended slice of size " .. len)
            end
            for i = 0, len - 1 do o[start + i * step + 1] = t[i + 1] end
            return
        end
        o[seq_index(o, k, "list")] = v
        return
    elseif mt == DICT_MT then
        dset(o, k, v)
        return
    elseif isnd(o) then
        if type(k) == "table" and getmetatable(k) == TUPLE_MT then
            ND.setitem(o, v, unpack(k, 1, k.n))
        else
            ND.setitem(o, v, k)
        end
        return
    end
    if mt == OBJ_MT then
        local f = OBJ.lookup(o[CLS], "__setitem__")
        if f then
            f(o, k, v)
            return
        end
    end
    if mt == TUPLE_MT or type(o) == "string" then
        throw("TypeError", "'" .. typename(o) .. "' object does not " ..
              "support item assignment")
    end
    throw("TypeError", "'" .. typename(o) .. "' object does not support " ..
          "item assignment")
end
R.SETITEM = SETITEM

R.DELITEM = function(o, k)
    local mt = getmetatable(o)
    if mt == LIST_MT then
        if isslice(k) then
            local start, _, step, len = slice_indices(k, o.n)
            local drop = {}
            for i = 0, len - 1 do drop[start + i * step + 1] = true end
            local t, n = {}, 0
            for i = 1, o.n do
                if not drop[i] then
                    n = n + 1
                    t[n] = o[i]
                end
            end
            for i = 1, o.n do o[i] = t[i] end
            o.n = n
            return
        end
        local i = seq_index(o, k, "list")
        table.remove(o, i)
        o.n = o.n - 1
        return
    elseif mt == DICT_MT then
        if not ddel(o, k) then
            error(mkexc("KeyError", mktuple({k}, 1)), 0)
        end
        return
    end
    if mt == OBJ_MT then
        local f = OBJ.lookup(o[CLS], "__delitem__")
        if f then
            f(o, k)
            return
        end
    end
    throw("TypeError", "'" .. typename(o) .. "' object doesn't support " ..
          "item deletion")
end

-- ---------------------------------------------------------------------
-- functions and calls

R.DEF = function(f, name, np, nd, flags, doc, ...)
    INFO[f] = {name = name, np = np, nd = nd, flags = flags, doc = doc,
               names = {...}}
    return f
end

-- a def's positional default values (for __defaults__)
R.DEFAULTS = function(f, t)
    INFO[f].defaults = t
    return f
end

local function plural(n, word)
    return n .. " " .. word .. (n == 1 and "" or "s")
end

R.TOOMANY = function(name, np, nreq, ...)
    local given = np + select("#", ...)
    local kw = select(select("#", ...), ...)
    if type(kw) == "table" and getmetatable(kw) == KW_MT then
        refuse("keyword arguments passed this way")
    end
    local takes
    if nreq == np then
        takes = plural(np, "positional argument")
    else
        takes = "from " .. nreq .. " to " .. np .. " positional arguments"
    end
    throw("TypeError", name .. "() takes " .. takes .. " but " .. given ..
          (given == 1 and " was" or " were") .. " given")
end

R.MISSING = function(name, pname)
    -- every missing argument is named, as CPython does
    throw("TypeError", name .. "() missing 1 required positional " ..
          "argument: '" .. pname .. "'")
end

R.MISSINGALL = function(name, names, kind, ...)
    local miss, n = {}, 0
    for i = 1, #names do
        if select(i, ...) == nil then
            n = n + 1
            miss[n] = "'" .. names[i] .. "'"
        end
    end
    local list
    if n == 1 then
        list = miss[1]
    elseif n == 2 then
        list = miss[1] .. " and " .. miss[2]
    else
        list = concat(miss, ", ", 1, n - 1) .. ", and " .. miss[n]
    end
    throw("TypeError", name .. "() missing " .. n .. " required " ..
          kind .. " argument" .. (n == 1 and "" or "s") .. ": " .. list)
end

-- Bind positional+keyword arguments for a def with *args / **kwargs.
R.VARARGS = function(np, flags, kwonly, fname, nreq, ...)
    local n = select("#", ...)
    local args = {...}
    local kw
    -- trailing nils are missing positionals, not arguments; the keyword
    -- table, if any, is the last argument actually passed
    while n > 0 and args[n] == nil do n = n - 1 end
    if n > 0 and type(args[n]) == "table" and
        getmetatable(args[n]) == KW_MT then
        kw = args[n]
        args[n] = nil
        n = n - 1
    end
    while n > np and args[n] == nil do n = n - 1 end
    local out = {}
    for i = 1, np do out[i] = args[i] end
    local k = np
    if flags & 1 == 1 then
        local rest, m = {}, 0
        for i = np + 1, n do
            m = m + 1
            rest[m] = args[i]
        end
        k = k + 1
        out[k] = mktuple(rest, m)
    elseif n > np then
        local takes = nreq == np and plural(np, "positional argument") or
                          ("from " .. nreq .. " to " .. np ..
                           " positional arguments")
        throw("TypeError", fname .. "() takes " .. takes .. " but " .. n ..
              (n == 1 and " was" or " were") .. " given")
    end
    local rest = {}
    if kw then
        for i = 1, #kw, 2 do rest[#rest + 1] = i end
    end
    for _, name in ipairs(kwonly) do
        k = k + 1
        out[k] = nil
        if kw then
            for i = 1, #kw, 2 do
                if kw[i] == name then out[k] = kw[i + 1]; kw[i] = false end
            end
        end
    end
    if flags & 2 == 2 then
        local d = newdict()
        if kw then
            for i = 1, #kw, 2 do
                if kw[i] then dset(d, kw[i], kw[i + 1]) end
            end
        end
        k = k + 1
        out[k] = d
    elseif kw then
        for i = 1, #kw, 2 do
            if kw[i] then
                throw("TypeError", fname .. "() got an unexpected " ..
                      "keyword argument '" .. kw[i] .. "'")
            end
        end
    end
    return unpack(out, 1, k)
end

-- f(pos..., k1=v1, ...): CALLK(f, npos, pos..., "k1", v1, ...)
local function callk(f, npos, ...)
    local n = select("#", ...)
    local info = INFO[f]
    if not info and type(f) == "table" then
        local mt = getmetatable(f)
        if mt == METHOD_MT then return callk(f.f, npos + 1, f.self, ...) end
        if mt == OBJ_MT or (mt == TYPE_MT and f.user) then
            return OBJ.callk(f, npos, ...)
        end
    end
    if rawequal(f, R.B.dict) and npos <= 1 then
        -- dict(x, a=1, b=2) keeps the keywords' order
        local d = npos == 1 and f((...)) or newdict()
        for i = npos + 1, n, 2 do
            dset(d, (select(i, ...)), (select(i + 1, ...)))
        end
        return d
    end
    if info then
        if info.flags == 0 then
            local out = {...}
            for i = npos + 1, n do out[i] = nil end
            local names = info.names
            for i = npos + 1, n, 2 do
                local name = select(i, ...)
                local v = select(i + 1, ...)
                local found = false
                for j = 1, info.np do
                    if names[j] == name then
                        if out[j] ~= nil then
                            throw("TypeError", info.name .. "() got " ..
                                  "multiple values for argument '" ..
                                  name .. "'")
                        end
                        out[j] = v
                        found = true
                        break
                    end
                end
                if not found then
                    throw("TypeError", info.name .. "() got an " ..
                          "unexpected keyword argument '" .. name .. "'")
                end
            end
            if npos > info.np then
                R.TOOMANY(info.name, info.np, info.np - info.nd,
                          unpack(out, info.np + 1, npos))
            end
            return f(unpack(out, 1, info.np))
        end
        -- *args/**kwargs: VARARGS takes the keyword table (ordered pairs)
        local names = info.names
        local out, kwl, m = {}, {}, 0
        for i = 1, npos do out[i] = (select(i, ...)) end
        local np = npos
        for i = npos + 1, n, 2 do
            local name = select(i, ...)
            local v = select(i + 1, ...)
            local found = false
            for j = 1, info.np do
                if names[j] == name then
                    if j <= npos or out[j] ~= nil then
                        throw("TypeError", info.name .. "() got multiple" ..
                              " values for argument '" .. name .. "'")
                    end
                    out[j] = v
                    found = true
                    if j > np then np = j end
                end
            end
            if not found then
                if info.flags & 6 == 0 then
                    throw("TypeError", info.name .. "() got an " ..
                          "unexpected keyword argument '" .. name .. "'")
                end
                kwl[m + 1] = name
                kwl[m + 2] = v
                m = m + 2
            end
        end
        if np < info.np and npos < np then
            -- keyword-filled parameters leave no holes for *args
            np = info.np > np and np or info.np
        end
        out[np + 1] = setmetatable(kwl, KW_MT)
        return f(unpack(out, 1, np + 1))
    end
    local out, kw = {}, setmetatable({}, KW_MT)
    for i = 1, npos do out[i] = (select(i, ...)) end
    for i = npos + 1, n, 2 do
        local name = select(i, ...)
        kw[name] = select(i + 1, ...)
    end
    out[npos + 1] = kw
    if type(f) ~= "function" and not (getmetatable(f) or {}).__call then
        throw("TypeError", "'" .. typename(f) .. "' object is not callable")
    end
    return f(unpack(out, 1, npos + 1))
end
R.CALLK = callk

-- Calls with *args / **kwargs: spec = {flag, value, ...}.
R.CALLSTAR = function(f, spec)
    local pos, np, kwl = {}, 0, {}
    for i = 1, spec.n, 2 do
        local flag, v = spec[i], spec[i + 1]
        if flag == 0 then
            np = np + 1
            pos[np] = v
        elseif flag == 1 then
            for x in ITER(v) do
                np = np + 1
                pos[np] = x
            end
        elseif flag == 2 then
            if getmetatable(v) ~= DICT_MT then
                throw("TypeError", "argument after ** must be a mapping, " ..
                      "not " .. typename(v))
            end
            for j = 1, v.n do
                if v.k[j] ~= nil then
                    kwl[#kwl + 1] = v.k[j]
                    kwl[#kwl + 1] = v.v[j]
                end
            end
        else
            kwl[#kwl + 1] = flag
            kwl[#kwl + 1] = v
        end
    end
    if #kwl == 0 then return f(unpack(pos, 1, np)) end
    for i = 1, #kwl do pos[np + i] = kwl[i] end
    return callk(f, np, unpack(pos, 1, np + #kwl))
end

-- CPython 3.11's builtins that the subset does not provide: refused,
-- never reported as undefined.
local PY_BUILTINS = {}
for name in ([[BaseExceptionGroup BlockingIOError BrokenPipeError
    BufferError BytesWarning ChildProcessError ConnectionAbortedError
    ConnectionRefusedError ConnectionResetError
    DeprecationWarning EncodingWarning EnvironmentError
    ExceptionGroup FileExistsError FutureWarning
    IOError ImportWarning IndentationError
    InterruptedError IsADirectoryError NotADirectoryError
    PendingDeprecationWarning ProcessLookupError
    ReferenceError ResourceWarning RuntimeWarning StopAsyncIteration
    SyntaxError SyntaxWarning SystemError SystemExit TabError
    UnicodeDecodeError UnicodeEncodeError UnicodeError
    UnicodeTranslateError UnicodeWarning UserWarning Warning
    __build_class__ __debug__ __doc__ __import__ __loader__ __package__
    __spec__ aiter anext breakpoint bytearray bytes compile
    complex copyright credits eval exec help license memoryview]]):gmatch(
        "%S+") do
    PY_BUILTINS[name] = true
end

-- cands: a function returning {name, value, ...} of the frame's locals
-- and the module's names (unbound ones are nil), for the suggestion
R.NAMEERR = function(name, cands)
    if PY_BUILTINS[name] then refuse("builtin '" .. name .. "'") end
    local e = mkexc("NameError", nil, "name '" .. name ..
                    "' is not defined")
    e.suggest_name = {name, cands}
    error(e, 0)
end

-- CPython 3.11 looks for "Did you mean" among f_locals, f_globals and
-- the builtins module's names, in that order
local BUILTIN_NAMES = {}
for n in ([[
    __name__ __doc__ __package__ __loader__ __spec__ __build_class__
    __import__ abs all any ascii bin breakpoint callable chr compile
    delattr dir divmod eval exec format getattr globals hasattr hash
    hex id input isinstance issubclass iter aiter len locals max min
    next anext oct ord pow print repr round setattr sorted sum vars
    None Ellipsis NotImplemented False True bool memoryview bytearray
    bytes classmethod complex dict enumerate filter float frozenset
    property int list map object range reversed set slice staticmethod
    str super tuple type zip __debug__ BaseException
    BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt
    SystemExit ArithmeticError AssertionError AttributeError
    BufferError EOFError ImportError LookupError MemoryError NameError
    OSError ReferenceError RuntimeError StopAsyncIteration
    StopIteration SyntaxError SystemError TypeError ValueError Warning
    FloatingPointError OverflowError ZeroDivisionError BytesWarning
    DeprecationWarning EncodingWarning FutureWarning ImportWarning
    PendingDeprecationWarning ResourceWarning RuntimeWarning
    SyntaxWarning UnicodeWarning UserWarning BlockingIOError
    ChildProcessError ConnectionError FileExistsError
    FileNotFoundError InterruptedError IsADirectoryError
    NotADirectoryError PermissionError ProcessLookupError TimeoutError
    IndentationError IndexError KeyError ModuleNotFoundError
    NotImplementedError RecursionError UnboundLocalError UnicodeError
    BrokenPipeError ConnectionAbortedError ConnectionRefusedError
    ConnectionResetError TabError UnicodeDecodeError
    UnicodeEncodeError UnicodeTranslateError ExceptionGroup
    EnvironmentError IOError open quit exit copyright credits license
    help
    ]]):gmatch("%S+") do
    BUILTIN_NAMES[#BUILTIN_NAMES + 1] = n
end
local SCRIPT_GLOBALS = {"__name__", "__doc__", "__package__", "__loader__",
    "__spec__", "__annotations__", "__builtins__", "__file__", "__cached__"}
R.name_candidates = function(cands)
    local d, seen = {}, {}
    local function add(n)
        if not seen[n] then
            seen[n] = true
            d[#d + 1] = n
        end
    end
    if cands == false then
        refuse("the 'Did you mean' of a NameError in a scope this big")
    end
    local t = cands and cands() or {}
    local nloc = t.nloc or 0
    for i = 1, nloc * 2, 2 do
        if t[i + 1] ~= nil then add(t[i]) end
    end
    for _, n in ipairs(SCRIPT_GLOBALS) do add(n) end
    for i = nloc * 2 + 1, #t, 2 do
        if t[i + 1] ~= nil then add(t[i]) end
    end
    for _, n in ipairs(BUILTIN_NAMES) do add(n) end
    return d
end
R.UNBOUND = function(name)
    throw("UnboundLocalError", "cannot access local variable '" .. name ..
          "' where it is not associated with a value")
end
R.EX = function() end

-- ---------------------------------------------------------------------
-- attributes and methods

local METHODS = {} -- typename -> {name -> function(self, ...)}
R.METHODS = METHODS

-- dir() of the builtin types in CPython 3.11 (sorted): an attribute
-- CPython has but pyprep lacks is refused, a typo gets CPython's
-- "Did you mean"
local TYPE_DIRS = {}
for tn, names in pairs({
    ["str"] = [[
        __add__ __class__ __contains__ __delattr__ __dir__ __doc__
        __eq__ __format__ __ge__ __getattribute__ __getitem__
        __getnewargs__ __getstate__ __gt__ __hash__ __init__
        __init_subclass__ __iter__ __le__ __len__ __lt__ __mod__
        __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__
        __rmod__ __rmul__ __setattr__ __sizeof__ __str__
        __subclasshook__ capitalize casefold center count encode
        endswith expandtabs find format format_map index isalnum
        isalpha isascii isdecimal isdigit isidentifier islower
        isnumeric isprintable isspace istitle isupper join ljust
        lower lstrip maketrans partition removeprefix removesuffix
        replace rfind rindex rjust rpartition rsplit rstrip split
        splitlines startswith strip swapcase title translate upper
        zfill]],
    ["list"] = [[
        __add__ __class__ __class_getitem__ __contains__ __delattr__
        __delitem__ __dir__ __doc__ __eq__ __format__ __ge__
        __getattribute__ __getitem__ __getstate__ __gt__ __hash__
        __iadd__ __imul__ __init__ __init_subclass__ __iter__ __le__
        __len__ __lt__ __mul__ __ne__ __new__ __reduce__
        __reduce_ex__ __repr__ __reversed__ __rmul__ __setattr__
        __setitem__ __sizeof__ __str__ __subclasshook__ append clear
        copy count extend index insert pop remove reverse sort]],
    ["dict"] = [[
        __class__ __class_getitem__ __contains__ __delattr__
        __delitem__ __dir__ __doc__ __eq__ __format__ __ge__
        __getattribute__ __getitem__ __getstate__ __gt__ __hash__
        __init__ __init_subclass__ __ior__ __iter__ __le__ __len__
        __lt__ __ne__ __new__ __or__ __reduce__ __reduce_ex__
        __repr__ __reversed__ __ror__ __setattr__ __setitem__
        __sizeof__ __str__ __subclasshook__ clear copy fromkeys get
        items keys pop popitem setdefault update values]],
    ["tuple"] = [[
        __add__ __class__ __class_getitem__ __contains__ __delattr__
        __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
        __getitem__ __getnewargs__ __getstate__ __gt__ __hash__
        __init__ __init_subclass__ __iter__ __le__ __len__ __lt__
        __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__
        __rmul__ __setattr__ __sizeof__ __str__ __subclasshook__
        count index]],
    ["set"] = [[
        __and__ __class__ __class_getitem__ __contains__ __delattr__
        __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
        __getstate__ __gt__ __hash__ __iand__ __init__
        __init_subclass__ __ior__ __isub__ __iter__ __ixor__ __le__
        __len__ __lt__ __ne__ __new__ __or__ __rand__ __reduce__
        __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__
        __sizeof__ __str__ __sub__ __subclasshook__ __xor__ add
        clear copy difference difference_update discard intersection
        intersection_update isdisjoint issubset issuperset pop
        remove symmetric_difference symmetric_difference_update
        union update]],
    ["frozenset"] = [[
        __and__ __class__ __class_getitem__ __contains__ __delattr__
        __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__
        __getstate__ __gt__ __hash__ __init__ __init_subclass__
        __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__
        __rand__ __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__
        __rxor__ __setattr__ __sizeof__ __str__ __sub__
        __subclasshook__ __xor__ copy difference intersection
        isdisjoint issubset issuperset symmetric_difference union]],
    ["int"] = [[
        __abs__ __add__ __and__ __bool__ __ceil__ __class__
        __delattr__ __dir__ __divmod__ __doc__ __eq__ __float__
        __floor__ __floordiv__ __format__ __ge__ __getattribute__
        __getnewargs__ __getstate__ __gt__ __hash__ __index__
        __init__ __init_subclass__ __int__ __invert__ __le__
        __lshift__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__
        __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__
        __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rlshift__
        __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__
        __rshift__ __rsub__ __rtruediv__ __rxor__ __setattr__
        __sizeof__ __str__ __sub__ __subclasshook__ __truediv__
        __trunc__ __xor__ as_integer_ratio bit_count bit_length
        conjugate denominator from_bytes imag numerator real
        to_bytes]],
    ["float"] = [[
        __abs__ __add__ __bool__ __ceil__ __class__ __delattr__
        __dir__ __divmod__ __doc__ __eq__ __float__ __floor__
        __floordiv__ __format__ __ge__ __getattribute__
        __getformat__ __getnewargs__ __getstate__ __gt__ __hash__
        __init__ __init_subclass__ __int__ __le__ __lt__ __mod__
        __mul__ __ne__ __neg__ __new__ __pos__ __pow__ __radd__
        __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__
        __rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__
        __setattr__ __sizeof__ __str__ __sub__ __subclasshook__
        __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex
        imag is_integer real]],
    ["NoneType"] = [[
        __bool__ __class__ __delattr__ __dir__ __doc__ __eq__
        __format__ __ge__ __getattribute__ __getstate__ __gt__
        __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__
        __new__ __reduce__ __reduce_ex__ __repr__ __setattr__
        __sizeof__ __str__ __subclasshook__]],
    ["range"] = [[
        __bool__ __class__ __contains__ __delattr__ __dir__ __doc__
        __eq__ __format__ __ge__ __getattribute__ __getitem__
        __getstate__ __gt__ __hash__ __init__ __init_subclass__
        __iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__
        __reduce_ex__ __repr__ __reversed__ __setattr__ __sizeof__
        __str__ __subclasshook__ count index start step stop]],
}) do
    local t = {}
    for n in names:gmatch("%S+") do t[#t + 1] = n end
    TYPE_DIRS[tn] = t
end
TYPE_DIRS["bool"] = TYPE_DIRS["int"] -- dir(bool) == dir(int) in 3.11

local function attr_error(o, name)
    if getmetatable(o) == MODULE_MT then
        refuse(o.__name__ .. "." .. name)
    end
    local tn = typename(o)
    local dir = TYPE_DIRS[tn]
    if dir then
        for _, n in ipairs(dir) do
            if n == name then refuse(tn .. "." .. name) end
        end
    end
    local e = mkexc("AttributeError", nil, "'" .. tn .. "' object has " ..
                    "no attribute '" .. name .. "'")
    if dir then e.suggest_dir = {dir, name} end
    error(e, 0)
end

local function method_table(o)
    local t = type(o)
    if t == "string" then return METHODS.str end
    if t == "table" then
        local mt = getmetatable(o)
        if mt == LIST_MT then return METHODS.list end
        if mt == DICT_MT then return METHODS.dict end
        if mt == TUPLE_MT then return METHODS.tuple end
        if mt == SET_MT then return METHODS.set end
    end
    if t == "number" then
        return mtype(o) == "integer" and METHODS.int or METHODS.float
    end
    return nil
end

local function CM(o, name, ...)
    local mt = getmetatable(o)
    if mt == OBJ_MT then
        local f, self = OBJ.callattr(o, name)
        if self ~= nil then return f(self, ...) end
        return OBJ.call(f, ...)
    end
    if mt == MODULE_MT then
        local f = o.attrs[name]
        if f == nil then attr_error(o, name) end
        return f(...)
    end
    local m = method_table(o)
    if m then
        local f = m[name]
        if f then return f(o, ...) end
        attr_error(o, name)
    end
    if isnd(o) then return ND.method(o, name, ...) end
    if mt == TYPE_MT and o.methods and o.methods[name] then
        return o.methods[name](...)
    end
    if mt == EXC_MT and name == "with_traceback" then return o end
    if mt == TYPE_MT or mt == EXC_MT or mt == SUPER_MT or mt == PROP_MT or
        mt == METHOD_MT then
        return OBJ.call(R.GA(o, name), ...)
    end
    if mt == ITER_MT and o.methods and o.methods[name] then
        return o.methods[name](o, ...)
    end
    if mt == VIEW_MT and name == "isdisjoint" then
        refuse("dict view methods")
    end
    if type(o) == "table" and R.foreign(mt) then
        -- an object of the nd binding (e.g. a random Generator)
        local f = o[name]
        if type(f) == "function" then
            return ND.method(o, name, ...)
        end
    end
    -- an attribute holding a callable (f.__wrapped__(...), ...)
    return OBJ.call(R.GA(o, name), ...)
end
R.CM = CM

-- Tables that are not one of the runtime's own kinds.
function R.foreign(mt)
    return mt ~= LIST_MT and mt ~= TUPLE_MT and mt ~= DICT_MT and
               mt ~= SET_MT and mt ~= RANGE_MT and mt ~= ITER_MT and
               mt ~= TYPE_MT and mt ~= MODULE_MT and mt ~= EXC_MT and
               mt ~= VIEW_MT and mt ~= SLICE_MT and mt ~= REFUSE_MT and
               mt ~= OBJ_MT and mt ~= METHOD_MT and mt ~= SMETH_MT and
               mt ~= CMETH_MT and mt ~= PROP_MT and mt ~= SUPER_MT and
               mt ~= TB_MT
end

R.CMK = function(o, name, npos, ...)
    local n = select("#", ...)
    local out, kw = {}, setmetatable({}, KW_MT)
    for i = 1, npos do out[i] = (select(i, ...)) end
    for i = npos + 1, n, 2 do
        kw[(select(i, ...))] = select(i + 1, ...)
    end
    out[npos + 1] = kw
    local mt = getmetatable(o)
    if mt == MODULE_MT then
        local f = o.attrs[name]
        if f == nil then attr_error(o, name) end
        return callk(f, npos, ...)
    end
    if mt == OBJ_MT then
        local f, self = OBJ.callattr(o, name)
        if self ~= nil then return callk(f, npos + 1, self, ...) end
        return callk(f, npos, ...)
    end
    if mt == TYPE_MT or mt == EXC_MT or mt == SUPER_MT then
        return callk(R.GA(o, name), npos, ...)
    end
    return CM(o, name, unpack(out, 1, npos + 1))
end

local function GA(o, name)
    local mt = getmetatable(o)
    if mt == OBJ_MT then return OBJ.getattr(o, name) end
    if mt == MODULE_MT then
        local v = o.attrs[name]
        if v == nil then attr_error(o, name) end
        return v
    end
    if isnd(o) then return ND.getattr(o, name) end
    if mt == TYPE_MT then
        if o.user or o.exc then return OBJ.cls_getattr(o, name) end
        if name == "__name__" then return o.__name__ end
        if o.attrs and o.attrs[name] ~= nil then return o.attrs[name] end
        if o.methods and o.methods[name] then return o.methods[name] end
        local m = METHODS[o.__name__]
        if m and m[name] then return m[name] end
    elseif mt == EXC_MT then
        if name == "args" then
            return o.args or (o.message and mktuple({o.message}, 1)) or
                       EMPTY_TUPLE
        end
        if name == "__class__" then return o.cls or R.exc_class(o.type) end
        return OBJ.exc_getattr(o, name)
    elseif mt == SUPER_MT or mt == PROP_MT or mt == METHOD_MT then
        return OBJ.getattr_special(o, name)
    elseif type(o) == "function" then
        local info = INFO[o]
        if info then
            if name == "__name__" then
                return info.name:match("[^.]*$")
            end
            if name == "__qualname__" then return info.name end
            if name == "__module__" then return "__main__" end
            if name == "__doc__" then return info.doc or NONE end
            if info.attrs and info.attrs[name] ~= nil then
                return info.attrs[name]
            end
            if name == "__defaults__" then
                local d = info.defaults
                if not d then return NONE end
                return mktuple({unpack(d, 1, d.n)}, d.n)
            end
            if name == "__kwdefaults__" and info.flags == 0 then
                return NONE
            end
            if name == "__wrapped__" and info.wrapped then
                return info.wrapped
            end
            if name:sub(1, 2) == "__" then
                refuse("function attribute " .. name)
            end
            throw("AttributeError", "'function' object has no attribute '"
                  .. name .. "'")
        end
        refuse("attributes of builtin functions")
    end
    local m = method_table(o)
    if m and m[name] then
        -- a bound method
        local f = m[name]
        return function(...) return f(o, ...) end
    end
    if type(o) == "number" then
        if name == "real" then return o end
        if name == "imag" then return mtype(o) == "integer" and 0 or 0.0 end
    end
    if type(o) == "table" and ND and R.foreign(mt) and o[name] ~= nil then
        return ND.getattr(o, name)
    end
    if name == "__class__" then return R.typeof(o) end
    attr_error(o, name)
end
R.GA = GA

R.SETATTR = function(o, name, v)
    local mt = getmetatable(o)
    if mt == OBJ_MT or mt == EXC_MT or (mt == TYPE_MT and o.user) then
        return OBJ.setattr(o, name, v)
    end
    if isnd(o) then return ND.setattr(o, name, v) end
    if getmetatable(o) == MODULE_MT then
        refuse("assigning module attributes")
    end
    if type(o) == "function" then
        local info = INFO[o]
        if not info or name:sub(1, 2) == "__" then
            refuse("setting this function attribute")
        end
        info.attrs = info.attrs or {}
        info.attrs[name] = v
        return
    end
    throw("AttributeError", "'" .. typename(o) .. "' object has no " ..
          "attribute '" .. name .. "'")
end

-- ---------------------------------------------------------------------
-- exceptions

local EXC_BASES = {
    BaseException = false, Exception = "BaseException",
    ArithmeticError = "Exception", ZeroDivisionError = "ArithmeticError",
    OverflowError = "ArithmeticError",
    FloatingPointError = "ArithmeticError", LookupError = "Exception",
    IndexError = "LookupError", KeyError = "LookupError",
    ValueError = "Exception", TypeError = "Exception",
    AttributeError = "Exception", NameError = "Exception",
    UnboundLocalError = "NameError", RuntimeError = "Exception",
    RecursionError = "RuntimeError", NotImplementedError = "RuntimeError",
    AssertionError = "Exception", StopIteration = "Exception",
    MemoryError = "Exception", ImportError = "Exception",
    ModuleNotFoundError = "ImportError",
    KeyboardInterrupt = "BaseException",
    OSError = "Exception", ConnectionError = "OSError",
    TimeoutError = "OSError", FileNotFoundError = "OSError",
    PermissionError = "OSError", EOFError = "Exception",
    ["numpy.AxisError"] = "ValueError",
    ["numpy.linalg.LinAlgError"] = "Exception",
    ["numpy.core._exceptions._UFuncOutputCastingError"] = "TypeError",
    ["numpy.core._exceptions._UFuncNoLoopError"] = "TypeError",
    ["numpy.core._exceptions._ArrayMemoryError"] = "MemoryError",
    GeneratorExit = "BaseException",
}
R.EXC_BASES = EXC_BASES
-- numpy.AxisError is also an IndexError
local EXC_EXTRA = {["numpy.AxisError"] = "IndexError"}

local EXC_CLASS = {}
function R.exc_class(name)
    local cls = EXC_CLASS[name]
    if cls then return cls end
    if EXC_BASES[name] == nil then
        -- an exception type we do not model: match it only exactly
        EXC_BASES[name] = "Exception"
    end
    local short = name:match("[^.]+$")
    cls = mktype(short, {exc = name})
    cls.repr = "<class '" .. (name:find("%.") and name or name) .. "'>"
    EXC_CLASS[name] = cls
    return cls
end
for name in pairs(EXC_BASES) do
    if not name:find("%.") then B[name] = R.exc_class(name) end
end

local function exc_isa(tname, target)
    local t = tname
    while t do
        if t == target then return true end
        if EXC_EXTRA[t] and exc_isa(EXC_EXTRA[t], target) then
            return true
        end
        t = EXC_BASES[t]
    end
    return false
end

-- Normalise a caught Lua error: Python exceptions pass; refusals and
-- internal errors are re-raised at once (never caught by except).
local function EXC(e)
    if type(e) == "table" then
        local mt = getmetatable(e)
        if mt == EXC_MT then
            -- caught here: a chained traceback starts at this frame
            if not rawget(e, "tbcut") then e.tbcut = R.depth + 1 end
            return e
        end
        if mt == REFUSE_MT then error(e, 0) end
    end
    if type(e) == "string" and sfind(e, "not enough memory", 1, true) then
        return mkexc("MemoryError", EMPTY_TUPLE)
    end
    error(e, 0)
end
R.EXC = EXC

R.EXCMATCH = function(e, cls)
    local mt = getmetatable(cls)
    if mt == TUPLE_MT then
        for i = 1, cls.n do
            if R.EXCMATCH(e, cls[i]) then return true end
        end
        return false
    end
    if mt == TYPE_MT and (cls.user or e.cls) then
        if cls.user and not cls.isexc then
            throw("TypeError", "catching classes that do not inherit " ..
                  "from BaseException is not allowed")
        end
        return OBJ.subclass(e.cls or R.exc_class(e.type), cls)
    end
    if mt ~= TYPE_MT or not cls.exc then
        throw("TypeError", "catching classes that do not inherit from " ..
              "BaseException is not allowed")
    end
    return exc_isa(e.type, cls.exc)
end

R.RERAISE = function(e) error(e, 0) end

-- An exception instance from what 'raise' got (an instance or a class).
local function exc_value(v, what)
    local mt = getmetatable(v)
    if mt == TYPE_MT and v.exc then return mkexc(v.exc, EMPTY_TUPLE) end
    if mt == TYPE_MT and v.isexc then v = v() end
    if getmetatable(v) == EXC_MT then return v end
    throw("TypeError", what or "exceptions must derive from BaseException")
end

-- raise v (ctx: the exception being handled, if any, for __context__)
R.RAISE = function(v, ctx)
    if v == nil then
        throw("RuntimeError", "No active exception to reraise")
    end
    local e = exc_value(v)
    if ctx and ctx ~= e and rawget(e, "context") == nil then
        e.context = ctx
    end
    error(e, 0)
end

-- raise v from cause
R.RAISEFROM = function(v, ctx, cause)
    local e = exc_value(v)
    if cause == NONE then
        e.cause = nil
    else
        e.cause = exc_value(cause, "exception causes must derive from " ..
                            "BaseException")
    end
    e.suppress = true
    if ctx and ctx ~= e and rawget(e, "context") == nil then
        e.context = ctx
    end
    error(e, 0)
end

-- Exception classes are callable: ValueError("msg") makes an instance.
TYPE_MT.__call = function(cls, ...)
    if cls.user then return OBJ.instantiate(cls, ...) end
    if cls.exc then
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        if kw then refuse("keyword arguments to exceptions") end
        local args = mktuple({...}, n)
        args[n + 1] = nil
        return mkexc(cls.exc, args)
    end
    return cls.call(...)
end


-- ---------------------------------------------------------------------
-- classes and instances
--
-- A class is a TYPE_MT table {user = true, __name__, qual, dict = its
-- namespace (name -> value; the names' order in the namespace's
-- metatable), bases, mro}. An instance is an OBJ_MT table holding its
-- attributes under their names, its class under CLS and the attribute
-- names in assignment order under ORD. Instances of exception classes
-- are EXC_MT tables (except/traceback stay as they are) with fields cls
-- and attrs. Builtin classes take part through getmro(): object and the
-- exception classes have small dicts (__init__ ...). Dunder dispatch is
-- reached only from the runtime's slow paths, so code without classes
-- pays nothing. (A function, not a do block: the chunk is near Lua's
-- limit of 200 locals.)
;(function()
    local OBJ_DICT, EXC_DICT = {}, {}

    local function isobj(v) return getmetatable(v) == OBJ_MT end

    -- class of an instance (OBJ or exception), else nil
    local function objclass(o)
        local mt = getmetatable(o)
        if mt == OBJ_MT then return o[CLS] end
        if mt == EXC_MT then return o.cls or R.exc_class(o.type) end
        return nil
    end
    OBJ.objclass = objclass

    local function getmro(cls)
        local m = rawget(cls, "mro")
        if m then return m end
        local obj = R.OBJECT
        if cls == obj then
            m = {cls}
        elseif cls.exc then
            m = {cls}
            local p = EXC_BASES[cls.exc]
            while p do
                m[#m + 1] = R.exc_class(p)
                p = EXC_BASES[p]
            end
            m[#m + 1] = obj
        else
            m = {cls}
            local b = cls.base
            while b do
                m[#m + 1] = b
                b = b.base
            end
            m[#m + 1] = obj
        end
        cls.mro = m
        if cls.exc and not cls.dict then cls.dict = EXC_DICT end
        return m
    end
    OBJ.getmro = getmro

    local function lookup(cls, name)
        local m = rawget(cls, "mro") or getmro(cls)
        for i = 1, #m do
            local d = m[i].dict
            if d then
                local v = d[name]
                if v ~= nil then return v end
            end
        end
        return nil
    end
    OBJ.lookup = lookup

    local function subclass(a, b)
        if a == b then return true end
        local m = getmro(a)
        for i = 2, #m do
            if m[i] == b then return true end
        end
        return false
    end
    OBJ.subclass = subclass

    local function callable(f)
        if type(f) == "function" then return true end
        local mt = getmetatable(f)
        if mt == OBJ_MT then return lookup(f[CLS], "__call__") ~= nil end
        return type(f) == "table" and mt ~= nil and mt.__call ~= nil
    end
    OBJ.callable = callable

    local function call(f, ...)
        if type(f) == "function" then return f(...) end
        if not callable(f) then
            throw("TypeError", "'" .. typename(f) .. "' object is not " ..
                  "callable")
        end
        return f(...)
    end
    OBJ.call = call

    OBJ_MT.__call = function(o, ...)
        local f = lookup(o[CLS], "__call__")
        if not f then
            throw("TypeError", "'" .. typename(o) .. "' object is not " ..
                  "callable")
        end
        return f(o, ...)
    end

    local function bind(f, self)
        return setmetatable({f = f, self = self}, METHOD_MT)
    end
    METHOD_MT.__call = function(m, ...) return m.f(m.self, ...) end

    -- where an instance keeps its attributes (nil: none yet)
    local function store(o, create)
        if getmetatable(o) == OBJ_MT then return o end
        local d = o.attrs
        if not d and create then
            d = {}
            o.attrs = d
        end
        return d
    end

    local function str_result(v, name)
        if type(v) ~= "string" then
            throw("TypeError", name .. " returned non-string (type " ..
                  typename(v) .. ")")
        end
        return v
    end

    -- __str__/__repr__ of an instance if its class defines one
    OBJ.dunder_str = function(o, name)
        local f = lookup(objclass(o), name)
        if f == nil then return nil end
        return str_result(call(f, o), name)
    end

    OBJ.repr = function(o)
        local s = OBJ.dunder_str(o, "__repr__")
        if s then return s end
        refuse("printing an object without __repr__ (CPython shows its " ..
               "address)")
    end

    OBJ.truth = function(o)
        local cls = o[CLS]
        local f = lookup(cls, "__bool__")
        if f ~= nil then
            local r = call(f, o)
            if type(r) ~= "boolean" then
                throw("TypeError", "__bool__ should return bool, returned " ..
                      typename(r))
            end
            return r
        end
        f = lookup(cls, "__len__")
        if f ~= nil then return OBJ.len(o, f) ~= 0 end
        return true
    end

    OBJ.len = function(o, f)
        f = f or lookup(o[CLS], "__len__")
        if f == nil then
            throw("TypeError", "object of type '" .. typename(o) ..
                  "' has no len()")
        end
        local n = call(f, o)
        if type(n) == "boolean" then n = n and 1 or 0 end
        if mtype(n) ~= "integer" then
            throw("TypeError", "'" .. typename(n) .. "' object cannot be " ..
                  "interpreted as an integer")
        end
        if n < 0 then throw("ValueError", "__len__() should return >= 0") end
        return n
    end

    OBJ.hkey = function(o)
        local h = lookup(o[CLS], "__hash__")
        if h == NONE then
            throw("TypeError", "unhashable type: '" .. typename(o) .. "'")
        end
        if h ~= nil then
            refuse("objects with their own __hash__ as dict keys or set " ..
                   "members")
        end
        return o
    end

    -- rich comparison: a.name(b), then b.rname(a); subclass first
    local function rich(a, b, name, rname)
        local ca, cb = isobj(a) and a[CLS], isobj(b) and b[CLS]
        local fb = cb and lookup(cb, rname)
        if fb and ca and ca ~= cb and subclass(cb, ca) then
            local r = call(fb, b, a)
            if r ~= NOTIMPL then return r end
            fb = nil
        end
        local fa = ca and lookup(ca, name)
        if fa then
            local r = call(fa, a, b)
            if r ~= NOTIMPL then return r end
        end
        if fb then
            local r = call(fb, b, a)
            if r ~= NOTIMPL then return r end
        end
        return NOTIMPL
    end

    OBJ.eq = function(a, b)
        local r = rich(a, b, "__eq__", "__eq__")
        if r == NOTIMPL then return rawequal(a, b) end
        return r
    end
    OBJ.ne = function(a, b)
        local r = rich(a, b, "__ne__", "__ne__")
        if r ~= NOTIMPL then return r end
        r = rich(a, b, "__eq__", "__eq__")
        if r ~= NOTIMPL then return not TRUTH(r) end
        return not rawequal(a, b)
    end
    local CMP = {["<"] = {"__lt__", "__gt__"}, [">"] = {"__gt__", "__lt__"},
                 ["<="] = {"__le__", "__ge__"}, [">="] = {"__ge__", "__le__"}}
    OBJ.cmp = function(a, b, op)
        local r = rich(a, b, CMP[op][1], CMP[op][2])
        if r == NOTIMPL then
            throw("TypeError", "'" .. op .. "' not supported between " ..
                  "instances of '" .. typename(a) .. "' and '" ..
                  typename(b) .. "'")
        end
        return r
    end

    local BIN = {["+"] = "add", ["-"] = "sub", ["*"] = "mul",
                 ["/"] = "truediv", ["//"] = "floordiv", ["%"] = "mod",
                 ["** or pow()"] = "pow", ["**"] = "pow", ["@"] = "matmul",
                 ["<<"] = "lshift", [">>"] = "rshift", ["|"] = "or",
                 ["^"] = "xor", ["&"] = "and"}
    OBJ.binop = function(a, b, op)
        local nm = BIN[op]
        local ca, cb = isobj(a) and a[CLS], isobj(b) and b[CLS]
        local fb = cb and cb ~= ca and lookup(cb, "__r" .. nm .. "__")
        if fb and ca and subclass(cb, ca) then
            local r = call(fb, b, a)
            if r ~= NOTIMPL then return r end
            fb = nil
        end
        local fa = ca and lookup(ca, "__" .. nm .. "__")
        if fa then
            local r = call(fa, a, b)
            if r ~= NOTIMPL then return r end
        end
        if fb then
            local r = call(fb, b, a)
            if r ~= NOTIMPL then return r end
        end
        if op == "**" then op = "** or pow()" end
        -- the sequence protocols' own messages, as CPython reports them
        local function isseq(v)
            local mt = getmetatable(v)
            return type(v) == "string" or mt == LIST_MT or mt == TUPLE_MT
        end
        if op == "*" and (isseq(a) or isseq(b)) then
            throw("TypeError", "can't multiply sequence by non-int of " ..
                  "type '" .. typename(isseq(a) and b or a) .. "'")
        end
        if op == "+" and isseq(a) then
            throw("TypeError", "can only concatenate " .. typename(a) ..
                  " (not \"" .. typename(b) .. "\") to " .. typename(a))
        end
        throw("TypeError", "unsupported operand type(s) for " .. op ..
              ": '" .. typename(a) .. "' and '" .. typename(b) .. "'")
    end
    OBJ.inplace = function(a, b, op)
        local f = lookup(a[CLS], "__i" .. BIN[op] .. "__")
        if f == nil then return NOTIMPL end
        return call(f, a, b)
    end
    OBJ.unop = function(a, name, sym)
        local f = lookup(a[CLS], name)
        if f == nil then
            throw("TypeError", "bad operand type for " .. sym .. ": '" ..
                  typename(a) .. "'")
        end
        return call(f, a)
    end

    -- iter(o): __iter__, or the old sequence protocol over __getitem__
    OBJ.iter = function(o)
        local cls = o[CLS]
        local f = lookup(cls, "__iter__")
        if f == nil then
            local gi = lookup(cls, "__getitem__")
            if gi == nil then
                throw("TypeError", "'" .. typename(o) .. "' object is " ..
                      "not iterable")
            end
            local i = -1
            return function()
                i = i + 1
                local ok, v = pcall(gi, o, i)
                if ok then return v end
                if getmetatable(v) == EXC_MT and
                    R.EXCMATCH(v, R.exc_class("IndexError")) then
                    return nil
                end
                error(v, 0)
            end
        end
        local it = call(f, o)
        local mt = getmetatable(it)
        if mt == ITER_MT then return it.nextf end
        local nx = mt == OBJ_MT and lookup(it[CLS], "__next__")
        if not nx then
            throw("TypeError", "iter() returned non-iterator of type '" ..
                  typename(it) .. "'")
        end
        return function()
            local ok, v = pcall(nx, it)
            if ok then return v end
            if getmetatable(v) == EXC_MT and v.type == "StopIteration" and
                not v.cls then
                return nil
            end
            error(v, 0)
        end
    end

    -- the value of class attribute v seen from instance o (NONE: from
    -- the class itself)
    local function descr_get(v, o, cls)
        local tv = type(v)
        if tv == "function" then
            if o == NONE then return v end
            return bind(v, o)
        end
        if tv ~= "table" then return v end
        local mt = getmetatable(v)
        if mt == SMETH_MT then return v.f end
        if mt == CMETH_MT then return bind(v.f, cls) end
        if mt == PROP_MT then
            if o == NONE then return v end
            if v.fget == nil then
                throw("AttributeError", "property '" .. (v.name or "?") ..
                      "' of '" .. cls.__name__ .. "' object has no getter")
            end
            return v.fget(o)
        end
        if mt == OBJ_MT then
            local g = lookup(v[CLS], "__get__")
            if g then return call(g, v, o, cls) end
        end
        return v
    end

    local function is_data_descr(v)
        local mt = getmetatable(v)
        if mt == PROP_MT then return true end
        return mt == OBJ_MT and (lookup(v[CLS], "__set__") ~= nil or
                                 lookup(v[CLS], "__delete__") ~= nil)
    end

    local function vars_dict(o)
        local d = newdict()
        local st = store(o)
        local ord = st and rawget(st, ORD)
        if ord then
            for i = 1, #ord do
                local k = ord[i]
                local v = rawget(st, k)
                if v ~= nil then dset(d, k, v) end
            end
        end
        return d
    end
    OBJ.vars = function(o)
        local cls = objclass(o)
        if cls == nil or (cls.slots and isobj(o)) then
            if getmetatable(o) == TYPE_MT then
                refuse("vars() of a class (mappingproxy)")
            end
            throw("TypeError", "vars() argument must have __dict__ " ..
                  "attribute")
        end
        return vars_dict(o)
    end

    local function getattr(o, name)
        local cls = objclass(o)
        local v = lookup(cls, name)
        if v ~= nil and type(v) == "table" and is_data_descr(v) then
            return descr_get(v, o, cls)
        end
        local st = store(o)
        if st then
            local iv = rawget(st, name)
            if iv ~= nil then return iv end
        end
        if v ~= nil then return descr_get(v, o, cls) end
        if name == "__class__" then return cls end
        if name == "__dict__" and not cls.slots then
            refuse("__dict__ of an instance (use vars())")
        end
        if name == "__module__" then return "__main__" end
        local ga = lookup(cls, "__getattr__")
        if ga then return call(ga, o, name) end
        local e = mkexc("AttributeError", nil, "'" .. cls.__name__ ..
                        "' object has no attribute '" .. name .. "'")
        if isobj(o) then e.suggest = {o, name} end
        error(e, 0)
    end
    OBJ.getattr = getattr

    -- CPython 3.11's "Did you mean" for an uncaught AttributeError on an
    -- instance: the closest name of dir(obj) by its Levenshtein costs
    local OBJECT_DIR = {"__class__", "__delattr__", "__dir__", "__doc__",
        "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__",
        "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
        "__reduce__", "__reduce_ex__", "__repr__", "__setattr__",
        "__sizeof__", "__str__", "__subclasshook__"}
    local function lev(a, b, max_cost)
        if a == b then return 0 end
        local i = 1
        while i <= #a and i <= #b and sbyte(a, i) == sbyte(b, i) do
            i = i + 1
        end
        a, b = ssub(a, i), ssub(b, i)
        local ea, eb = #a, #b
        while ea > 0 and eb > 0 and sbyte(a, ea) == sbyte(b, eb) do
            ea, eb = ea - 1, eb - 1
        end
        a, b = ssub(a, 1, ea), ssub(b, 1, eb)
        if #a == 0 or #b == 0 then return (#a + #b) * 2 end
        if #a > 40 or #b > 40 then return max_cost + 1 end
        if #b < #a then a, b = b, a end
        if (#b - #a) * 2 > max_cost then return max_cost + 1 end
        local buf = {}
        for k = 1, #a do buf[k] = k * 2 end
        local result = 0
        for bi = 1, #b do
            local code = ssub(b, bi, bi)
            local distance = (bi - 1) * 2
            result = distance
            local minimum = math.huge
            for k = 1, #a do
                local ca = ssub(a, k, k)
                local sub = code == ca and 0 or
                                (slower(code) == slower(ca) and 1 or 2)
                local substitute = distance + sub
                distance = buf[k]
                local insdel = math.min(result, distance) + 2
                result = math.min(insdel, substitute)
                buf[k] = result
                if result < minimum then minimum = result end
            end
            if minimum > max_cost then return max_cost + 1 end
        end
        return result
    end
    OBJ.suggestion = function(o, name)
        local cls = o[CLS]
        local set = {}
        for _, n in ipairs(OBJECT_DIR) do set[n] = true end
        for k in pairs(o) do
            if type(k) == "string" then set[k] = true end
        end
        local slotted = true
        for _, c in ipairs(getmro(cls)) do
            if c.user then
                for k in pairs(c.dict) do
                    if type(k) == "string" then set[k] = true end
                end
                if rawget(c.dict, "__slots__") == nil then
                    slotted = false
                end
            end
        end
        set.__qualname__ = nil
        if not slotted then
            set.__dict__, set.__weakref__ = true, true
        end
        local d = {}
        for k in pairs(set) do d[#d + 1] = k end
        table.sort(d)
        return OBJ.closest(d, name)
    end
    -- the first closest of the candidates d, or nil
    OBJ.closest = function(d, name)
        if #d >= 750 or #name > 40 then return nil end
        local best, best_d = nil, math.huge
        for _, item in ipairs(d) do
            if item ~= name then
                local maxd = (#name + #item + 3) * 2 // 6
                if best_d - 1 < maxd then maxd = best_d - 1 end
                local dist = lev(name, item, maxd)
                if dist <= maxd and (not best or dist < best_d) then
                    best, best_d = item, dist
                end
            end
        end
        return best
    end

    -- o.name as a callable: (f, self) for a method, (f) otherwise
    OBJ.callattr = function(o, name)
        local cls = o[CLS]
        local v = lookup(cls, name)
        if type(v) == "function" then
            local iv = rawget(o, name)
            if iv ~= nil then return iv end
            return v, o
        end
        return getattr(o, name)
    end

    OBJ.exc_getattr = function(e, name)
        if name == "__cause__" then return e.cause or NONE end
        if name == "__context__" then return e.context or NONE end
        if name == "__suppress_context__" then return e.suppress or false end
        if name == "__traceback__" then refuse("traceback objects") end
        if name == "value" and e.type == "StopIteration" and not e.cls then
            local a = e.args
            return a and a.n > 0 and a[1] or NONE
        end
        if name == "__notes__" then refuse("exception notes") end
        return getattr(e, name)
    end

    local function setattr(o, name, v)
        local mt = getmetatable(o)
        if mt == TYPE_MT then
            if name:sub(1, 2) == "__" and name:sub(-2) == "__" then
                refuse("setting class attribute " .. name)
            end
            rawset(o.dict, name, v)
            return
        end
        local cls = objclass(o)
        local cv = lookup(cls, name)
        if type(cv) == "table" then
            local cmt = getmetatable(cv)
            if cmt == PROP_MT then
                if cv.fset == nil then
                    throw("AttributeError", "property '" ..
                          (cv.name or name) .. "' of '" .. cls.__name__ ..
                          "' object has no setter")
                end
                cv.fset(o, v)
                return
            end
            if cmt == OBJ_MT then
                local set = lookup(cv[CLS], "__set__")
                if set then
                    call(set, cv, o, v)
                    return
                end
            end
        end
        local sa = lookup(cls, "__setattr__")
        if sa ~= nil and sa ~= OBJ_DICT.__setattr__ then
            call(sa, o, name, v)
            return
        end
        OBJ_DICT.__setattr__(o, name, v)
    end
    OBJ.setattr = setattr

    -- object.__setattr__: store in the instance (slots checked)
    OBJ_DICT.__setattr__ = function(o, name, v)
        local cls = objclass(o)
        if cls.slots and isobj(o) and not cls.slots[name] then
            throw("AttributeError", "'" .. cls.__name__ .. "' object has " ..
                  "no attribute '" .. name .. "'")
        end
        if mtype(name) then refuse("non-string attribute names") end
        local st = store(o, true)
        if rawget(st, name) == nil then
            local ord = rawget(st, ORD)
            if not ord then
                ord = {}
                rawset(st, ORD, ord)
            end
            ord[#ord + 1] = name
        end
        rawset(st, name, v)
        return NONE
    end
    OBJ_DICT.__init__ = function(self, ...)
        if select("#", ...) > 0 then
            throw("TypeError", "object.__init__() takes exactly one " ..
                  "argument (the instance to initialize)")
        end
        return NONE
    end
    EXC_DICT.__init__ = function(self, ...)
        local n = select("#", ...)
        local kw
        kw, n = getkw(n, ...)
        if kw then refuse("keyword arguments to exceptions") end
        local args = mktuple({...}, n)
        args[n + 1] = nil
        self.args = args
        self.message = nil
        return NONE
    end

    OBJ.cls_getattr = function(cls, name)
        if name == "__name__" then return cls.__name__ end
        if name == "__qualname__" then return cls.qual or cls.__name__ end
        if name == "__mro__" then
            local m = getmro(cls)
            return mktuple({unpack(m)}, #m)
        end
        if name == "__bases__" then
            local b = cls.bases or {getmro(cls)[2]}
            return mktuple({unpack(b)}, #b)
        end
        if name == "__dict__" then refuse("a class's __dict__") end
        if name == "__class__" then return R.B.type end
        if name == "__module__" then
            return cls.user and "__main__" or "builtins"
        end
        local v = lookup(cls, name)
        if v ~= nil then return descr_get(v, NONE, cls) end
        if name == "mro" then
            return function()
                local m = getmro(cls)
                return mklist({unpack(m)}, #m)
            end
        end
        if name == "__doc__" then return NONE end
        if name == "__subclasses__" then refuse("__subclasses__") end
        throw("AttributeError", "type object '" .. cls.__name__ ..
              "' has no attribute '" .. name .. "'")
    end

    -- attributes of bound methods, properties and super objects
    OBJ.getattr_special = function(o, name)
        local mt = getmetatable(o)
        if mt == SUPER_MT then
            local obj, start = o.obj, o.cls
            local isclass = getmetatable(obj) == TYPE_MT
            local oc = isclass and obj or objclass(obj)
            local m = getmro(oc)
            local i = 1
            while m[i] and m[i] ~= start do i = i + 1 end
            for j = i + 1, #m do
                local d = m[j].dict
                local v = d and d[name]
                if v ~= nil then
                    if isclass then
                        if getmetatable(v) == CMETH_MT then
                            return bind(v.f, obj)
                        end
                        return descr_get(v, NONE, oc)
                    end
                    return descr_get(v, obj, oc)
                end
            end
            throw("AttributeError", "'super' object has no attribute '" ..
                  name .. "'")
        elseif mt == PROP_MT then
            local function with(k)
                return function(f)
                    local p = setmetatable({fget = o.fget, fset = o.fset,
                                            fdel = o.fdel, doc = o.doc,
                                            name = o.name}, PROP_MT)
                    p[k] = f
                    return p
                end
            end
            if name == "setter" then return with("fset") end
            if name == "getter" then return with("fget") end
            if name == "deleter" then return with("fdel") end
            if name == "fget" or name == "fset" or name == "fdel" then
                return o[name] or NONE
            end
            if name == "__doc__" then return o.doc or NONE end
        elseif mt == METHOD_MT then
            if name == "__self__" then return o.self end
            if name == "__func__" then return o.f end
            return GA(o.f, name)
        end
        throw("AttributeError", "'" .. typename(o) .. "' object has no " ..
              "attribute '" .. name .. "'")
    end

    -- C3 linearisation of a new class's bases
    local function c3(cls, bases)
        local seqs = {}
        for i = 1, #bases do
            local m = getmro(bases[i])
            seqs[i] = {unpack(m)}
        end
        seqs[#seqs + 1] = {unpack(bases)}
        local out = {cls}
        while true do
            local any = false
            for i = 1, #seqs do
                if #seqs[i] > 0 then any = true end
            end
            if not any then return out end
            local cand
            for i = 1, #seqs do
                local c = seqs[i][1]
                if c then
                    local intail = false
                    for j = 1, #seqs do
                        local s2 = seqs[j]
                        for k = 2, #s2 do
                            if s2[k] == c then intail = true end
                        end
                    end
                    if not intail then
                        cand = c
                        break
                    end
                end
            end
            if not cand then
                -- CPython names the heads still waiting to be merged
                local names, seen = {}, {}
                for i = 1, #seqs do
                    local c = seqs[i][1]
                    if c and not seen[c] then
                        seen[c] = true
                        names[#names + 1] = c.__name__
                    end
                end
                throw("TypeError", "Cannot create a consistent method " ..
                      "resolution\norder (MRO) for bases " ..
                      concat(names, ", "))
            end
            out[#out + 1] = cand
            for i = 1, #seqs do
                if seqs[i][1] == cand then table.remove(seqs[i], 1) end
            end
        end
    end

    -- a class namespace: a table remembering the order names were set
    R.namespace = function()
        local order = {}
        return setmetatable({}, {order = order,
            __newindex = function(t, k, v)
                rawset(t, k, v)
                order[#order + 1] = k
            end})
    end

    local UNSUPPORTED_DUNDERS = {"__new__", "__getattribute__",
        "__init_subclass__", "__class_getitem__", "__del__",
        "__delattr__", "__set_name__"}

    local function class_new(name, qual, bases, ns, doc)
        local bs = {}
        for i = 1, bases.n do
            local b = bases[i]
            if getmetatable(b) ~= TYPE_MT then
                throw("TypeError", "bases must be types")
            end
            if not b.user and not b.exc and b ~= R.OBJECT then
                refuse("subclassing the built-in type '" .. b.__name__ ..
                       "'")
            end
            for j = 1, i - 1 do
                if bs[j] == b then
                    throw("TypeError", "duplicate base class " .. b.__name__)
                end
            end
            bs[i] = b
        end
        if #bs == 0 then bs[1] = R.OBJECT end
        for _, d in ipairs(UNSUPPORTED_DUNDERS) do
            if rawget(ns, d) ~= nil and d ~= "__set_name__" then
                refuse("classes defining " .. d)
            end
        end
        local cls = setmetatable({__name__ = name, qual = qual, user = true,
                                  dict = ns, bases = bs}, TYPE_MT)
        cls.repr = "<class '__main__." .. qual .. "'>"
        cls.mro = c3(cls, bs)
        for _, c in ipairs(cls.mro) do
            if c.exc then cls.isexc = true end
        end
        if rawget(ns, "__slots__") ~= nil then
            if cls.isexc then refuse("__slots__ in exception classes") end
            local allowed = {}
            for _, c in ipairs(cls.mro) do
                if c.user then
                    local sl = rawget(c.dict, "__slots__")
                    if sl == nil then
                        allowed = nil
                        break
                    end
                    if type(sl) == "string" then
                        allowed[sl] = true
                    else
                        for x in ITER(sl) do allowed[x] = true end
                    end
                end
            end
            if allowed and allowed.__dict__ then allowed = nil end
            cls.slots = allowed
            local own = rawget(ns, "__slots__")
            for x in ITER(type(own) == "string" and mktuple({own}, 1) or own)
            do
                if x ~= "__dict__" then
                    rawset(ns, x, OBJ.member(x, cls))
                end
            end
        end
        if rawget(ns, "__eq__") ~= nil and rawget(ns, "__hash__") == nil then
            rawset(ns, "__hash__", NONE)
        end
        rawset(ns, "__module__", "__main__")
        rawset(ns, "__qualname__", qual)
        rawset(ns, "__doc__", doc)
        -- properties learn their names; descriptors get __set_name__
        local nsmt = getmetatable(ns)
        local order = nsmt and nsmt.order or {}
        for _, k in ipairs(order) do
            local v = rawget(ns, k)
            if getmetatable(v) == PROP_MT and not v.name then v.name = k end
            if isobj(v) then
                local sn = lookup(v[CLS], "__set_name__")
                if sn then call(sn, v, cls, k) end
            end
        end
        return cls
    end
    R.CLASS = class_new

    -- the member descriptors of __slots__ names (Point.x)
    local MEMBER
    OBJ.member = function(name, owner)
        if not MEMBER then
            MEMBER = class_new("member_descriptor", "member_descriptor",
                               EMPTY_TUPLE, {
                __get__ = function(self, obj)
                    if obj == NONE then return self end
                    local v = rawget(obj, self.name)
                    if v == nil then
                        throw("AttributeError", "'" .. typename(obj) ..
                              "' object has no attribute '" .. self.name ..
                              "'")
                    end
                    return v
                end,
                __set__ = function(self, obj, v)
                    OBJ_DICT.__setattr__(obj, self.name, v)
                end,
                __repr__ = function(self)
                    return "<member '" .. self.name .. "' of '" ..
                               self.owner.__name__ .. "' objects>"
                end}, NONE)
            MEMBER.repr = "<class 'member_descriptor'>"
        end
        return setmetatable({[CLS] = MEMBER, name = name, owner = owner},
                            OBJ_MT)
    end

    -- type(name, bases, dict)
    OBJ.type3 = function(name, bases, d)
        if type(name) ~= "string" or getmetatable(bases) ~= TUPLE_MT or
            getmetatable(d) ~= DICT_MT then
            throw("TypeError", "type.__new__() argument 1 must be str")
        end
        local ns = R.namespace()
        for i = 1, d.n do
            if d.k[i] ~= nil then
                if type(d.k[i]) ~= "string" then
                    refuse("type() with non-string names")
                end
                ns[d.k[i]] = d.v[i]
            end
        end
        local doc = rawget(ns, "__doc__")
        return class_new(name, name, bases, ns, doc == nil and NONE or doc)
    end

    R.CLSVAR = function(v, outer)
        if v ~= nil then return v end
        return outer()
    end

    local function new_instance(cls, npos, ...)
        if cls.isexc then
            local args = mktuple({...}, npos)
            args[npos + 1] = nil
            local e = mkexc(cls.__name__, args)
            e.cls = cls
            return e
        end
        return setmetatable({[CLS] = cls}, OBJ_MT)
    end

    local function init_result(r)
        if r ~= NONE and r ~= nil then
            throw("TypeError", "__init__() should return None, not '" ..
                  typename(r) .. "'")
        end
    end

    OBJ.instantiate = function(cls, ...)
        local n = select("#", ...)
        local kw, npos = getkw(n, ...)
        if kw then refuse("keyword arguments passed this way") end
        local o = new_instance(cls, npos, ...)
        local init = lookup(cls, "__init__")
        if init == OBJ_DICT.__init__ then
            if n > 0 then
                throw("TypeError", cls.__name__ .. "() takes no arguments")
            end
        elseif init ~= EXC_DICT.__init__ then
            init_result(call(init, o, ...))
        end
        return o
    end

    -- a call with keyword arguments of a class or an instance
    OBJ.callk = function(f, npos, ...)
        if getmetatable(f) == OBJ_MT then
            local c = lookup(f[CLS], "__call__")
            if not c then
                throw("TypeError", "'" .. typename(f) .. "' object is " ..
                      "not callable")
            end
            return callk(c, npos + 1, f, ...)
        end
        local o = new_instance(f, npos, ...)
        local init = lookup(f, "__init__")
        if init == OBJ_DICT.__init__ then
            throw("TypeError", f.__name__ .. "() takes no arguments")
        elseif init == EXC_DICT.__init__ then
            refuse("keyword arguments to exceptions")
        end
        init_result(callk(init, npos + 1, o, ...))
        return o
    end

    R.SUPER = function(cls, obj)
        if cls == nil or obj == nil then
            refuse("super() outside a method")
        end
        return setmetatable({cls = cls, obj = obj}, SUPER_MT)
    end

    B.staticmethod = function(f) return setmetatable({f = f}, SMETH_MT) end
    B.classmethod = function(f) return setmetatable({f = f}, CMETH_MT) end
    B.property = function(fget, fset, fdel, doc)
        if getmetatable(doc) == KW_MT then refuse("property() keywords") end
        return setmetatable({fget = fget ~= NONE and fget or nil,
                             fset = fset ~= NONE and fset or nil,
                             fdel = fdel ~= NONE and fdel or nil,
                             doc = doc}, PROP_MT)
    end
    B.NotImplemented = NOTIMPL
    R.NOTIMPL = NOTIMPL
    R.OBJ_MT = OBJ_MT
    R.CLSKEY = CLS
    R.OBJ = OBJ
    R.OBJ_DICT = OBJ_DICT
    OBJ.setattr_raw = OBJ_DICT.__setattr__
    R.isobj = isobj

    -- ---- with statements ----
    local TRACEBACK = setmetatable({}, TB_MT)
    R.WITHENTER = function(m)
        local cls = isobj(m) and m[CLS]
        local enter = cls and lookup(cls, "__enter__")
        local exit = cls and lookup(cls, "__exit__")
        if not enter then
            throw("TypeError", "'" .. typename(m) .. "' object does not " ..
                  "support the context manager protocol")
        end
        if not exit then
            throw("TypeError", "'" .. typename(m) .. "' object does not " ..
                  "support the context manager protocol (missed __exit__ " ..
                  "method)")
        end
        return {m, exit}, call(enter, m)
    end
    R.WITHEXIT = function(x, e)
        if e == nil then
            call(x[2], x[1], NONE, NONE, NONE)
            return true
        end
        local ok, r = xpcall(function()
            return call(x[2], x[1], e.cls or R.exc_class(e.type), e,
                        TRACEBACK)
        end, R.TB)
        if not ok then
            -- raised while handling e: e is its __context__
            if getmetatable(r) == EXC_MT and r ~= e and
                rawget(r, "context") == nil then
                r.context = e
            end
            error(r, 0)
        end
        return TRUTH(r)
    end
end)()

-- ---------------------------------------------------------------------
-- modules

local MODULES = {}
R.MODULES = MODULES

local function mkmodule(name, attrs)
    return setmetatable({__name__ = name, attrs = attrs}, MODULE_MT)
end
R.mkmodule = mkmodule

R.IMPORT = function(name)
    local m = MODULES[name]
    if m == nil then
        local loader = R.LOADERS[name]
        if not loader then refuse("module '" .. name .. "'") end
        m = loader()
        MODULES[name] = m
    end
    return m
end
R.LOADERS = {}

R.IMPORTFROM = function(modname, name)
    local m = R.IMPORT(modname)
    local v = m.attrs[name]
    if v == nil then
        if modname == "numpy" and name == "linalg" then
            return R.IMPORT("numpy.linalg")
        end
        refuse(modname .. "." .. name)
    end
    return v
end

-- ---------------------------------------------------------------------
-- the entry point of a compiled chunk

local function traceback_frames(main)
    local frames = C.traceback()
    local out = {}
    for i = #frames, 1, -1 do
        local f = frames[i]
        local name
        if f.func == main then
            name = "<module>"
        elseif INFO[f.func] then
            name = INFO[f.func].name:match("[^.]*$")
        end
        if name then
            out[#out + 1] = {line = f.line, name = name}
        elseif #out > 0 then
            -- a closure of the frame (a try or with body): its line
            out[#out].line = f.line
        end
    end
    return out
end

local function source_line(src, n)
    local i = 1
    for _ = 2, n do
        local j = sfind(src, "\n", i, true)
        if not j then return nil end
        i = j + 1
    end
    local j = sfind(src, "\n", i, true)
    local line = ssub(src, i, j and j - 1 or #src)
    return (line:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- try bodies and with bodies run under PCALL: an exception records its
-- traceback where it is raised (for chained tracebacks and re-raises)
-- (tbcut: the frame that catches it, where a chained traceback starts)
local MAIN
local function tbmark(e)
    if type(e) == "table" and getmetatable(e) == EXC_MT and
        not rawget(e, "tb") and MAIN then
        e.tb = traceback_frames(MAIN)
        local h = R.HANDLING
        if h and h ~= e and rawget(e, "context") == nil then
            e.context = h
        end
    end
    return e
end
-- emitted as PCALL(body, TB)
R.PCALL, R.TB = xpcall, tbmark

-- the traceback of an uncaught exception, its causes first
local function format_tb(err, filename, src, parts, seen, chained)
    seen[err] = true
    local cause, ctx = rawget(err, "cause"), rawget(err, "context")
    if cause and getmetatable(cause) == EXC_MT and not seen[cause] then
        format_tb(cause, filename, src, parts, seen, true)
        parts[#parts + 1] = "\nThe above exception was the direct cause " ..
                                "of the following exception:\n\n"
    elseif ctx and getmetatable(ctx) == EXC_MT and not err.suppress and
        not seen[ctx] then
        format_tb(ctx, filename, src, parts, seen, true)
        parts[#parts + 1] = "\nDuring handling of the above exception, " ..
                                "another exception occurred:\n\n"
    end
    parts[#parts + 1] = "Traceback (most recent call last):\n"
    local tb = err.tb or {}
    for i = chained and err.tbcut or 1, #tb do
        local f = tb[i]
        parts[#parts + 1] = "  File \"" .. filename .. "\", line " ..
                                f.line .. ", in " .. f.name .. "\n"
        local text = src and source_line(src, f.line)
        if text and text ~= "" then
            parts[#parts + 1] = "    " .. text .. "\n"
        end
    end
    local ok2, s = pcall(function()
        local msg = exc_str(err)
        local sg = rawget(err, "suggest")
        local best
        if sg and err.cls == nil then best = OBJ.suggestion(sg[1], sg[2]) end
        sg = rawget(err, "suggest_dir")
        if sg then best = OBJ.closest(sg[1], sg[2]) end
        sg = rawget(err, "suggest_name")
        if sg and err.cls == nil then
            best = OBJ.closest(R.name_candidates(sg[2]), sg[1])
        end
        if best then msg = msg .. ". Did you mean: '" .. best .. "'?" end
        if msg == "" then return err.type .. "\n" end
        return err.type .. ": " .. msg .. "\n"
    end)
    if not ok2 and getmetatable(s) == REFUSE_MT then parts.refused = s end
    parts[#parts + 1] = ok2 and s or (err.type .. "\n")
end

R.depth = 0
R.deep = function()
    refuse("recursion deeper than 900 calls (CPython's limit is 1000)")
end

function R.main(body, filename, src, repl)
    R.depth = 0
    R.HANDLING = nil
    MAIN = body
    local ok, err = xpcall(body, function(e)
        if type(e) == "table" and (getmetatable(e) == EXC_MT or
                                   getmetatable(e) == REFUSE_MT) then
            if not rawget(e, "tb") then
                e.tb = traceback_frames(body)
                local h = R.HANDLING
                if h and h ~= e and rawget(e, "context") == nil and
                    getmetatable(e) == EXC_MT then
                    e.context = h
                end
            end
            return e
        end
        if type(e) == "string" and sfind(e, "not enough memory", 1, true)
        then
            return e
        end
        if type(e) == "string" and sfind(e, "stack overflow", 1, true) then
            local x = mkexc("RecursionError", nil,
                            "maximum recursion depth exceeded")
            x.tb = traceback_frames(body)
            x.deep = true
            return x
        end
        local fr = traceback_frames(body)
        return {internal = tostring(e), tb = fr}
    end)
    flush()
    if not repl and next(R.GENLIVE) then
        -- CPython would run their finally blocks now, at shutdown
        local nl = 0
        for _ in (src or ""):gmatch("\n") do nl = nl + 1 end
        C.write(2, "pyprep: not supported in pyprep: a generator left " ..
                "suspended inside try/finally or with (CPython runs that " ..
                "cleanup when it collects the generator) (line " .. nl ..
                ")\n")
        return 3
    end
    if ok then return 0 end
    if type(err) == "string" then
        -- the sandbox's own limit errors pass through untouched
        error(err, 0)
    end
    local line = err.tb and #err.tb > 0 and err.tb[#err.tb].line or 0
    if getmetatable(err) == REFUSE_MT then
        C.write(2, "pyprep: not supported in pyprep: " .. err.refuse ..
                " (line " .. line .. ")\n")
        return 3
    end
    if err.internal then
        C.write(2, "pyprep: not supported in pyprep: this operation " ..
                "(internal error: " .. err.internal .. ") (line " .. line ..
                ")\n")
        return 3
    end
    if err.deep then
        C.write(2, "pyprep: not supported in pyprep: recursion this " ..
                "deep (line " .. line .. ")\n")
        return 3
    end
    local sg = rawget(err, "suggest_name")
    if sg and sg[2] == false and err.cls == nil then
        -- the frame's names were not passed (see emit_nameerr)
        C.write(2, "pyprep: not supported in pyprep: the 'Did you " ..
                "mean' of this NameError (line " .. line .. ")\n")
        return 3
    end
    local parts = {}
    format_tb(err, filename, src, parts, {})
    if parts.refused then
        -- the message itself needed something refused (a __str__ ...)
        C.write(2, "pyprep: not supported in pyprep: " ..
                parts.refused.refuse .. " (line " .. line .. ")\n")
        return 3
    end
    C.write(2, concat(parts))
    return 1
end

-- The REPL's display hook: repr() of a non-None value, on its own line.
function R.display(v)
    if v ~= NONE and v ~= nil then write(REPR(v) .. "\n") end
end

R.TYPES = TYPES
R.mktype = mktype
R.mklist = mklist
R.mktuple = mktuple
R.newdict = newdict
R.dget, R.dset, R.ddel = dget, dset, ddel
R.newset, R.sadd, R.shas, R.sdel = newset, sadd, shas, sdel
R.set_order = set_order
R.hkey = hkey
R.SET_MT, R.RANGE_MT, R.ITER_MT, R.TYPE_MT, R.MODULE_MT, R.VIEW_MT =
    SET_MT, RANGE_MT, ITER_MT, TYPE_MT, MODULE_MT, VIEW_MT
R.SLICE_MT, R.REFUSE_MT = SLICE_MT, REFUSE_MT
R.INFO = INFO
R.EMPTY_TUPLE = EMPTY_TUPLE
R.isnd = isnd
R.mkexc = mkexc
R.exc_str = exc_str
R.isslice = isslice
R.kwcheck = kwcheck
R.setnd = function(nd) ND = nd end
R.getnd = function() return ND end
R.callk = callk
R.dict_iter = dict_iter
return R
