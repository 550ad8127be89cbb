-- Loads Module:Citation/CS1/{Configuration,Whitelist,Suggestions} with a minimal stand-in
-- for Scribunto's mw library and prints their exported tables as JSON on stdout.
-- Run by tools/gen_cs1_data.py (lua5.1 MODULE_DIR); functions and userdata are skipped.
local dir = arg[1]

local function read(name)
  local f = assert(io.open(dir .. '/' .. name, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local months = {'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'}
local lang = {
  getCode = function() return 'en' end,
  formatNum = function(_, n) return tostring(n) end,
  formatDate = function(_, fmt, date)
    local m = tonumber(date:match('^%d+%-(%d+)'))
    if fmt == 'F' then return months[m] end
    return months[m]:sub(1, 3)
  end,
}
mw = {
  language = {
    getContentLanguage = function() return lang end,
    fetchLanguageNames = function() return {} end,
  },
  getContentLanguage = function() return lang end,
  site = {talkNamespaces = {}, server = '//en.wikipedia.org',
    interwikiMap = function() return {} end},
  title = {getCurrentTitle = function() return {getContent = function() return nil end,
    namespace = 0, text = 'X'} end},
  text = {split = function(s) return {s} end},
  ustring = {lower = string.lower},
  ext = {},
}

local function load(name)
  local chunk = assert(loadstring(read(name), name))
  return chunk()
end

-- Suggestions sets globals instead of returning a table.
local suggestions_env = setmetatable({}, {__index = _G})
local chunk = assert(loadstring(read('Citation#CS1#Suggestions'), 'Suggestions'))
setfenv(chunk, suggestions_env)
local returned = chunk()

local out = {
  configuration = load('Citation#CS1#Configuration'),
  whitelist = load('Citation#CS1#Whitelist'),
  suggestions = returned or {suggestions = suggestions_env.suggestions,
    patterns = suggestions_env.patterns},
}

local function is_array(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  if n == 0 then return false end
  for i = 1, n do if t[i] == nil then return false end end
  return true
end

local function quote(s)
  s = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end)
  return '"' .. s .. '"'
end

local emit
local function emit_table(t, seen)
  if seen[t] then return 'null' end
  seen[t] = true
  local parts = {}
  if is_array(t) then
    for _, v in ipairs(t) do
      local e = emit(v, seen)
      if e then parts[#parts + 1] = e end
    end
    seen[t] = nil
    return '[' .. table.concat(parts, ',') .. ']'
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  for _, k in ipairs(keys) do
    local e = emit(t[k], seen)
    if e then parts[#parts + 1] = quote(tostring(k)) .. ':' .. e end
  end
  seen[t] = nil
  return '{' .. table.concat(parts, ',') .. '}'
end

emit = function(v, seen)
  local kind = type(v)
  if kind == 'table' then return emit_table(v, seen)
  elseif kind == 'string' then return quote(v)
  elseif kind == 'number' then
    if v == math.floor(v) then return string.format('%d', v) end
    return tostring(v)
  elseif kind == 'boolean' then return tostring(v)
  end
  return nil
end

io.write(emit(out, {}))
