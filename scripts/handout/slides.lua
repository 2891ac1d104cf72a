--[[ slides.lua — the pandoc Lua filter of scripts/slides (pandoc >= 2.17).

The slide Markdown (scripts/weave --slides) holds each slide's display
equations in a `::: equations` div.  What the filter does depends on the
output and on the metadata scripts/slides passes:

  pptx                 inline math (captions, titles, lists) becomes Unicode
                       text (pandoc's texmath: x₁², α, ≤ 10⁻⁸), because a
                       caption written as Office math stops at its first
                       formula in LibreOffice and Google Slides;
  pptx with            each `equations` div becomes one picture, the K-th
  slides-equations=DIR DIR/eq-K.png (rendered by Chromium from MathML: see
                       scripts/slides), so that every viewer shows it; its
                       TeX is written to DIR/eq-K.tex for the alt text;
  html with            the document becomes the equation pages that
  slides-page=equations scripts/slides prints: one `div.eqpage` per
                       `equations` div, nothing else;
  html with            each figure's PNG is swapped for its SVG when there is
  slides-figures=svg   one (the PDF deck: figures as vectors).
]]

local meta_eqdir, meta_page, meta_figs

local function meta_string(v)
    if v == nil then return nil end
    return pandoc.utils.stringify(v)
end

-- --- TeX as Unicode text ---------------------------------------------------------

local SUP = {
    ["0"] = "⁰", ["1"] = "¹", ["2"] = "²", ["3"] = "³", ["4"] = "⁴", ["5"] = "⁵", ["6"] = "⁶",
    ["7"] = "⁷", ["8"] = "⁸", ["9"] = "⁹", ["+"] = "⁺", ["-"] = "⁻", ["−"] = "⁻", ["="] = "⁼",
    ["("] = "⁽", [")"] = "⁾", a = "ᵃ", b = "ᵇ", c = "ᶜ", d = "ᵈ", e = "ᵉ", f = "ᶠ", g = "ᵍ",
    h = "ʰ", i = "ⁱ", j = "ʲ", k = "ᵏ", l = "ˡ", m = "ᵐ", n = "ⁿ", o = "ᵒ", p = "ᵖ", r = "ʳ",
    s = "ˢ", t = "ᵗ", u = "ᵘ", v = "ᵛ", w = "ʷ", x = "ˣ", y = "ʸ", z = "ᶻ", T = "ᵀ", ["⊤"] = "ᵀ",
    ["*"] = "*", ["⋆"] = "⋆", ["′"] = "′",
}
local SUB = {
    ["0"] = "₀", ["1"] = "₁", ["2"] = "₂", ["3"] = "₃", ["4"] = "₄", ["5"] = "₅", ["6"] = "₆",
    ["7"] = "₇", ["8"] = "₈", ["9"] = "₉", ["+"] = "₊", ["-"] = "₋", ["−"] = "₋", ["="] = "₌",
    ["("] = "₍", [")"] = "₎", a = "ₐ", e = "ₑ", h = "ₕ", i = "ᵢ", j = "ⱼ", k = "ₖ", l = "ₗ",
    m = "ₘ", n = "ₙ", o = "ₒ", p = "ₚ", r = "ᵣ", s = "ₛ", t = "ₜ", u = "ᵤ", v = "ᵥ", x = "ₓ",
}

-- "a^(bc)" / "a_(bc)" from pandoc's plain writer: as Unicode super- or
-- subscripts when every character has one, else left as written.
local function scripts(s)
    local function map(tbl, body)
        local out = {}
        for _, c in utf8.codes(body) do
            local m = tbl[utf8.char(c)]
            if not m then return nil end
            out[#out + 1] = m
        end
        return table.concat(out)
    end
    s = s:gsub("%^(%b())", function(g) return map(SUP, g:sub(2, -2)) end)
    s = s:gsub("_(%b())", function(g) return map(SUB, g:sub(2, -2)) end)
    return s
end

-- What texmath cannot write as text (\frac, \sqrt), rewritten into what it can.
local function simplify(tex)
    local function group(g)        -- "{...}" -> its body, parenthesized unless one token
        local b = g:sub(2, -2)
        if b:match("^%s*[%w]%s*$") or b:match("^%s*\\%a+%s*$") then return b end
        return "(" .. b .. ")"
    end
    local prev
    repeat
        prev = tex
        tex = tex:gsub("\\[dt]?frac%s*(%b{})%s*(%b{})", function(a, b) return group(a) .. "/" .. group(b) end)
        tex = tex:gsub("\\sqrt%s*(%b{})", function(a) return "√" .. group(a) end)
    until tex == prev
    return tex
end

local function plain(inline)
    local s = pandoc.write(pandoc.Pandoc({ pandoc.Plain({ inline }) }), "plain", { wrap_text = "none" })
    s = s:gsub("%s+$", ""):gsub("^%s+", "")
    -- texmath spaces a binary minus with U+2005; a leading one is a unary minus
    while s:sub(1, 3) == "\u{2005}" do s = s:sub(4) end
    return s
end

local function math_text(tex)
    local s = plain(pandoc.Math("InlineMath", simplify(tex)))
    if s:sub(1, 1) == "$" then s = tex end          -- texmath gave up: the TeX, without dollars
    return scripts(s)
end

-- --- The filter ------------------------------------------------------------------

local equation_count = 0

local function equations_tex(div)
    local t = {}
    pandoc.walk_block(div, { Math = function(m) t[#t + 1] = m.text end })
    return t
end

local function xml_escape(s)
    return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end

local function file_exists(p)
    local f = io.open(p, "rb")
    if f then f:close() end
    return f ~= nil
end

local function Div(div)
    if not div.classes:includes("equations") then return nil end
    equation_count = equation_count + 1
    if FORMAT == "pptx" and meta_eqdir then
        local png = string.format("%s/eq-%d.png", meta_eqdir, equation_count)
        if not file_exists(png) then
            io.stderr:write("slides.lua: no ", png, "\n")
            os.exit(1)
        end
        local f = assert(io.open(string.format("%s/eq-%d.tex", meta_eqdir, equation_count), "wb"))
        f:write(xml_escape(table.concat(equations_tex(div), "\n")))
        f:close()
        return pandoc.Para({ pandoc.Image({}, png) })
    end
    if meta_page == "equations" then
        return pandoc.Div(div.content, pandoc.Attr("", { "eqpage" }))
    end
    return nil
end

local function Math(m)
    if FORMAT == "pptx" and m.mathtype == "InlineMath" then
        return pandoc.Str(math_text(m.text))
    end
    return nil
end

local function Image(img)
    if meta_figs == "svg" and img.src:match("%.png$") then
        local svg = img.src:gsub("%.png$", ".svg")
        if file_exists(svg) then img.src = svg; return img end
    end
    return nil
end

local function Pandoc(doc)
    meta_eqdir = meta_string(doc.meta["slides-equations"])
    meta_page = meta_string(doc.meta["slides-page"])
    meta_figs = meta_string(doc.meta["slides-figures"])
    doc = doc:walk({ Div = Div, Math = Math, Image = Image })
    if meta_page == "equations" then
        local pages = {}
        for _, b in ipairs(doc.blocks) do
            if b.t == "Div" and b.classes:includes("eqpage") then pages[#pages + 1] = b end
        end
        doc.blocks = pages
        doc.meta.title, doc.meta.subtitle = nil, nil      -- no title block
    end
    return doc
end

return { { Pandoc = Pandoc } }
