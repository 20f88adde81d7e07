-- py_rtnp.lua - numpy for pyprep's Python subset, mapped onto module nd.
--
-- Loaded after py_rt.lua and py_rtlib.lua with (C, R). The global `nd`
-- (docs/ndarray.md) does the array work; this file gives the runtime its
-- ND adaptor (operators, comparisons, printing, iteration) and builds the
-- `numpy` module: nd's functions with Python type objects translated to
-- dtype names, plus what belongs to Python (np.vectorize, np.ndarray).
-- A numpy attribute nd lacks is refused, never guessed.
local C, R = ...
local nd = rawget(_G, "nd")
if not nd then
    R.LOADERS.numpy = function()
        R.refuse("numpy (the array engine is not available here)")
    end
    return true
end

local type, mtype, getmetatable, setmetatable, select, unpack =
    type, math.type, getmetatable, setmetatable, select, table.unpack
local NONE, TYPE_MT, KW_MT = R.NONE, R.TYPE_MT, C.KW_MT
local LIST_MT, TUPLE_MT = C.LIST_MT, C.TUPLE_MT
local throw, refuse = R.throw, R.refuse

local DTYPE_MT = getmetatable(nd.float64)
local SLICE_MT = getmetatable(nd.slice(NONE, NONE, NONE))
local ELLIPSIS = nd.Ellipsis
R.ELLIPSIS = ELLIPSIS
R.B.Ellipsis = ELLIPSIS

local function isdtype(v) return getmetatable(v) == DTYPE_MT end

-- Python type objects and lists of them become what nd understands.
local TYPE_NAMES = {int = "int", float = "float", bool = "bool",
                    complex = "complex128"}
local function conv(v)
    if getmetatable(v) == TYPE_MT then
        local n = v.np_dtype or TYPE_NAMES[v.__name__]
        if n then return n end
    end
    return v
end

local function convargs(n, ...)
    local need = false
    for i = 1, n do
        local v = select(i, ...)
        local mt = getmetatable(v)
        if mt == TYPE_MT or mt == KW_MT then
            need = true
            break
        end
    end
    if not need then return ... end
    local t = {...}
    for i = 1, n do
        local v = t[i]
        local mt = getmetatable(v)
        if mt == TYPE_MT then
            t[i] = conv(v)
        elseif mt == KW_MT then
            local kw = setmetatable({}, KW_MT)
            for k, x in pairs(v) do kw[k] = conv(x) end
            t[i] = kw
        end
    end
    return unpack(t, 1, n)
end

local function wrap(f)
    return function(...)
        return f(convargs(select("#", ...), ...))
    end
end

local ND = {}
local OPS = {
    ["+"] = nd.add, ["-"] = nd.subtract, ["*"] = nd.multiply,
    ["/"] = nd.true_divide, ["//"] = nd.floor_divide, ["%"] = nd.remainder,
    ["**"] = nd.power, ["&"] = nd.bitwise_and, ["|"] = nd.bitwise_or,
    ["^"] = nd.bitwise_xor, ["<<"] = nd.left_shift, [">>"] = nd.right_shift,
    ["@"] = nd.matmul,
}
local CMPS = {["=="] = nd.eq, ["!="] = nd.ne, ["<"] = nd.lt, ["<="] = nd.le,
              [">"] = nd.gt, [">="] = nd.ge}

-- Operands nd takes as they are: arrays, numbers, bools, py sequences.
local function operand(v)
    local tv = type(v)
    if tv == "number" or tv == "boolean" then return v end
    if tv == "userdata" and v ~= NONE and not isdtype(v) then return v end
    local mt = getmetatable(v)
    if mt == LIST_MT or mt == TUPLE_MT then return v end
    return nil
end

function ND.binop(op, a, b)
    local f = OPS[op]
    local x, y = operand(a), operand(b)
    if not f or x == nil or y == nil then
        throw("TypeError", "unsupported operand type(s) for " .. op ..
              ": '" .. R.typename(a) .. "' and '" .. R.typename(b) .. "'")
    end
    return f(x, y)
end

function ND.inplace(op, a, b)
    local f = OPS[op]
    if not f or op == "@" then
        refuse("in-place " .. op .. " on arrays")
    end
    local y = operand(b)
    if y == nil then
        throw("TypeError", "unsupported operand type(s) for " .. op ..
              "=: 'numpy.ndarray' and '" .. R.typename(b) .. "'")
    end
    return f(a, y, nd.kw {out = a})
end

function ND.unop(op, a)
    if op == "-" then return nd.negative(a) end
    if op == "+" then return nd.positive(a) end
    return nd.invert(a)
end

function ND.cmp(op, a, b)
    if isdtype(a) or isdtype(b) then
        -- dtype comparisons: by dtype (names and types convert)
        local ok1, da = pcall(nd.dtype, conv(a))
        local ok2, db = pcall(nd.dtype, conv(b))
        if op == "==" then return ok1 and ok2 and rawequal(da, db) end
        if op == "!=" then return not (ok1 and ok2 and rawequal(da, db)) end
        refuse("ordering comparisons of dtypes")
    end
    local x, y = operand(a), operand(b)
    if x == nil or y == nil then
        if op == "==" then return false end
        if op == "!=" then return true end
        throw("TypeError", "'" .. op .. "' not supported between " ..
              "instances of '" .. R.typename(a) .. "' and '" ..
              R.typename(b) .. "'")
    end
    return CMPS[op](x, y)
end

ND.truth = nd.truth
ND.isscalar = function(v)
    return type(v) == "userdata" and not isdtype(v) and nd.isscalar(v)
end
ND.item = function(v) return nd.item(v) end
ND.len = function(v)
    if not nd.isarray(v) then
        throw("TypeError", "object of type '" .. R.typename(v) ..
              "' has no len()")
    end
    return nd.len(v)
end
ND.iter = function(v)
    if not nd.isarray(v) then
        throw("TypeError", "'" .. R.typename(v) .. "' object is not iterable")
    end
    return nd.iter(v)
end
ND.str = nd.str
ND.repr = nd.repr
ND.getitem = nd.getitem
ND.setitem = nd.setitem
ND.slice = nd.slice
ND.isslice = function(v) return getmetatable(v) == SLICE_MT end
ND.slicefields = function(s) return s.start, s.stop, s.step end
ND.contains = function(a, x)
    return nd.truth(nd.any(nd.eq(a, x)))
end
ND.call = function(name, ...) return nd[name](...) end
ND.typename = function(v)
    if v == ELLIPSIS then return "ellipsis" end
    if getmetatable(v) == SLICE_MT then return "slice" end
    return nd.typename(v)
end

function ND.getattr(o, name)
    local v = o[name]
    if type(v) == "function" and not isdtype(o) then
        -- a method looked up without a call: bind it
        return function(...) return v(o, convargs(select("#", ...), ...)) end
    end
    return v
end

function ND.setattr(o, name, v)
    throw("AttributeError", "attribute '" .. name .. "' of " ..
          "'numpy.ndarray' objects is not writable")
end

function ND.method(o, name, ...)
    local f = o[name]
    if f == nil then
        throw("AttributeError", "'" .. R.typename(o) .. "' object has no " ..
              "attribute '" .. name .. "'")
    end
    if type(f) ~= "function" then
        if isdtype(o) then refuse("calling dtype attributes") end
        throw("TypeError", "'" .. R.typename(f) .. "' object is not callable")
    end
    return f(o, convargs(select("#", ...), ...))
end

-- format(x, spec): NumPy scalars format as the Python value they hold;
-- arrays only with an empty spec.
function ND.format(v, spec)
    if ND.isscalar(v) then
        local x = nd.item(v)
        if type(x) == "number" or type(x) == "boolean" then
            if spec == "" and type(x) == "boolean" then
                return x and "True" or "False"
            end
            return R.FMT(x, spec)
        end
        refuse("formatting this NumPy scalar")
    end
    if spec == "" then return nd.str(v) end
    throw("TypeError", "unsupported format string passed to " ..
          R.typename(v) .. ".__format__")
end

-- np.float64 scalars are Python floats (isinstance(x, float) is True)
function ND.isinstance_float(v)
    return nd.isscalar(v) and nd.typename(v) == "numpy.float64"
end

local NDTYPES = {}
function ND.typeobj(v)
    local name = R.typename(v)
    local t = NDTYPES[name]
    if not t then
        t = R.mktype(name:match("[^.]+$"))
        t.repr = "<class '" .. name .. "'>"
        NDTYPES[name] = t
    end
    return t
end

R.setnd(ND)

-- ---------------------------------------------------------------------
-- np.vectorize: the Python function runs once per element (Python
-- values in, like NumPy's object loop), the results become an array.

local function shape_of(a)
    local s = a.shape
    local t = {}
    for i = 1, s.n do t[i] = s[i] end
    return t
end

local function broadcast_shape(shapes)
    local nd_ = 0
    for _, s in ipairs(shapes) do
        if #s > nd_ then nd_ = #s end
    end
    local out = {}
    for i = 1, nd_ do
        local d = 1
        for _, s in ipairs(shapes) do
            local k = #s - nd_ + i
            local x = k >= 1 and s[k] or 1
            if x ~= 1 then
                if d ~= 1 and d ~= x then
                    throw("ValueError", "shape mismatch: objects cannot " ..
                          "be broadcast to a single shape")
                end
                d = x
            end
        end
        out[i] = d
    end
    return out
end

local function vectorize(f, ...)
    if type(f) ~= "function" and getmetatable(f) ~= TYPE_MT then
        throw("TypeError", "vectorize expects a callable")
    end
    local n = select("#", ...)
    local kw = R.getkw(n, ...)
    local otype
    if kw then
        for k, v in pairs(kw) do
            if k == "otypes" then
                local t, m = R.toarray(v)
                if m ~= 1 then refuse("np.vectorize with several otypes") end
                otype = conv(t[1])
            else
                refuse("np.vectorize(" .. k .. "=...)")
            end
        end
    end
    return function(...)
        local na = select("#", ...)
        if R.getkw(na, ...) then refuse("keyword arguments to a vectorized "
                                        .. "function") end
        local arrs, shapes = {}, {}
        for i = 1, na do
            arrs[i] = nd.asarray((select(i, ...)))
            shapes[i] = shape_of(arrs[i])
        end
        local shape = broadcast_shape(shapes)
        local tshape = R.mktuple(shape, #shape)
        local flat = {}
        for i = 1, na do
            flat[i] = nd.ravel(nd.broadcast_to(arrs[i], tshape))
        end
        local size = 1
        for _, d in ipairs(shape) do size = size * d end
        if size == 0 then
            if not otype then
                throw("ValueError", "cannot call `vectorize` on size 0 " ..
                      "inputs unless `otypes` is set")
            end
            return nd.reshape(nd.array(R.mklist({}, 0), nd.kw {dtype = otype}),
                              tshape)
        end
        local out = {}
        local args = {}
        for k = 0, size - 1 do
            for i = 1, na do args[i] = nd.item(flat[i], k) end
            local v = f(unpack(args, 1, na))
            if ND.isscalar(v) then v = nd.item(v) end
            local tv = type(v)
            if tv ~= "number" and tv ~= "boolean" then
                refuse("np.vectorize returning " .. R.typename(v))
            end
            out[k + 1] = v
        end
        local dtype = otype
        if not dtype then
            -- NumPy fixes the output type from the first result
            local v = out[1]
            dtype = type(v) == "boolean" and "bool" or
                        (mtype(v) == "integer" and "int64" or "float64")
        end
        local arr = nd.array(R.mklist(out, size), nd.kw {dtype = dtype})
        if #shape == 0 then return nd.getitem(arr, 0) end
        return nd.reshape(arr, tshape)
    end
end

-- ---------------------------------------------------------------------
-- the numpy module

local ndarray_t = R.mktype("ndarray")
ndarray_t.repr = "<class 'numpy.ndarray'>"
ndarray_t.check = function(v) return nd.isarray(v) and not nd.isscalar(v) end
ndarray_t.call = function() refuse("np.ndarray(...) constructor") end

local function module_attrs(prefix, tbl, extra)
    return setmetatable({}, {__index = function(t, k)
        local v = extra[k]
        if v == nil then
            v = tbl[k]
            if type(v) == "function" then v = wrap(v) end
        end
        if v ~= nil then rawset(t, k, v) end
        return v
    end})
end

R.LOADERS.numpy = function()
    local extra = {
        vectorize = vectorize,
        ndarray = ndarray_t,
        newaxis = NONE,
        Ellipsis = ELLIPSIS,
        -- in Python these are dtype-like objects; nd takes the names
        bool_ = nd.bool_,
        AxisError = R.exc_class("numpy.AxisError"),
    }
    local np = R.mkmodule("numpy", module_attrs("numpy", nd, extra))
    if nd.linalg then
        -- nd.linalg raises type "pyprep.refuse" for what it cannot answer
        -- as NumPy does: that is a refusal, not a Python exception
        local lin = {}
        for k, f in pairs(nd.linalg) do
            lin[k] = function(...)
                local ok, r = pcall(f, ...)
                if ok then return r end
                if type(r) == "table" and r.type == "pyprep.refuse" then
                    refuse(r.message)
                end
                error(r, 0)
            end
        end
        extra.linalg = R.mkmodule("numpy.linalg",
            module_attrs("numpy.linalg", lin, {
                LinAlgError = R.exc_class("numpy.linalg.LinAlgError")}))
        R.MODULES["numpy.linalg"] = extra.linalg
    end
    if nd.random then
        extra.random = R.mkmodule("numpy.random",
                                  module_attrs("numpy.random", nd.random, {}))
        R.MODULES["numpy.random"] = extra.random
    end
    return np
end
R.LOADERS["numpy.linalg"] = function()
    R.IMPORT("numpy")
    return R.MODULES["numpy.linalg"] or refuse("numpy.linalg")
end
R.LOADERS["numpy.random"] = function()
    R.IMPORT("numpy")
    return R.MODULES["numpy.random"] or refuse("numpy.random")
end

return true
