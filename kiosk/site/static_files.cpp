// The site's shared files: one style sheet, the search's filter script and its index per language.
#include "kiosk/site/pages.hpp"

#include <nlohmann/json.hpp>

namespace kiosk::site {
namespace {

bool containsWord(const std::string& haystack, const std::string& word) {
    return !word.empty() && haystack.find(word) != std::string::npos;
}

}  // namespace

// What a family may type to find an offer: its title, summary, keywords, topics, who gives it and
// where, and the words the content's synonyms say also find it. The script lowercases both sides.
std::string searchIndexScript(const PageContext& context, const std::string& lang) {
    const auto& catalog = *context.frame.catalog;
    nlohmann::ordered_json index = nlohmann::ordered_json::object();
    for (const auto& offer : catalog.offers) {
        std::string words = offer.title.get(lang) + " " + offer.summary.get(lang);
        for (const auto& [language, keywords] : offer.keywords)
            if (language == lang)
                for (const auto& keyword : keywords) words += " " + keyword;
        for (const auto& id : offer.topics)
            if (const auto* topic = catalog.topic(id)) words += " " + topic->title.get(lang);
        if (const auto* provider = catalog.provider(offer.providerId))
            words += " " + provider->name.get(lang) + " " + provider->address.municipality;
        std::string also;
        for (const auto& synonym : catalog.synonyms)
            if (synonym.language == lang)
                for (const auto& found : synonym.alsoFinds)
                    if (containsWord(words, found)) {
                        also += " " + synonym.word;
                        break;
                    }
        index[offer.id] = words + also;
    }
    std::string text = "window.kioskIndex = ";
    text += scriptSafeJson(index.dump());
    text += ";\n";
    return text;
}

// Hides the offers whose words lack one of the typed words; shows the field only where it works.
std::string searchScript() {
    return R"js("use strict";
(function () {
  var form = document.querySelector("form.filter");
  var index = window.kioskIndex;
  if (!form || !index) return;
  function fold(text) {
    return text.toLocaleLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var words = {};
  Object.keys(index).forEach(function (id) { words[id] = fold(index[id]); });
  var field = document.getElementById("filter");
  var none = document.getElementById("none");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  field.addEventListener("input", function () {
    var wanted = fold(field.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("main section").forEach(function (section) {
      var inSection = 0;
      section.querySelectorAll("li[data-id]").forEach(function (item) {
        var text = words[item.dataset.id] || "";
        var match = wanted.every(function (word) { return text.indexOf(word) >= 0; });
        item.hidden = !match;
        if (match) inSection++;
      });
      section.hidden = inSection === 0;
      shown += inSection;
    });
    none.hidden = shown > 0;
  });
})();
)js";
}

// Contrast of text at least 7:1 (WCAG AAA, as on the kiosk); readable from 320 px wide; printable.
std::string styleSheet() {
    return R"css(*,*::before,*::after{box-sizing:border-box}
html{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:112.5%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:48rem;padding:0 1rem 2rem;overflow-wrap:anywhere}
a{color:#0b3a7e}
a:hover{text-decoration-thickness:.15em}
:focus-visible{outline:.2rem solid #1a1a1a;outline-offset:.15rem}
.skip{position:absolute;inset-inline-start:-100vw}
.skip:focus{position:static;display:block;padding:.5rem;background:#fff}
header{border-bottom:.15rem solid #0b3a7e;margin-bottom:1rem}
header ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:.25rem 0;padding:0}
header .network{font-weight:bold;margin:.5rem 0}
header .network a{text-decoration:none;color:#1a1a1a}
[aria-current]{font-weight:bold}
.languages{font-size:.9rem}
h1{font-size:1.6rem;line-height:1.25;margin:.75rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .25rem}
.summary{font-weight:bold}
.tiles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem}
.tiles a{display:block;padding:.75rem 1rem;border:.15rem solid #0b3a7e;border-radius:.5rem;font-weight:bold;text-decoration:none;min-height:3rem}
.tiles .ages{display:block;font-weight:normal;color:#1a1a1a}
.tiles .urgent a{border-color:#8a0000;color:#8a0000}
.offers{padding-inline-start:1.2rem}
.offers li{margin-bottom:.6rem}
.who,.note,.ages{color:#3d3d3d}
.tag{display:inline-block;border:.1rem solid #3d3d3d;padding:0 .4rem;border-radius:.3rem;font-size:.9rem}
.phone a,.tel{font-weight:bold;white-space:nowrap}
.big{font-size:1.3rem}
.urgent-note{border-inline-start:.3rem solid #8a0000;padding-inline-start:.75rem}
table.hours{border-collapse:collapse;margin:.5rem 0}
table.hours caption{text-align:start;font-weight:bold}
table.hours th,table.hours td{text-align:start;padding:.15rem 1rem .15rem 0;border-bottom:.05rem solid #767676}
audio{width:100%;max-width:24rem}
.picture img{display:block;width:100%;max-width:24rem;height:auto;border-radius:.3rem}
.filter input{font:inherit;width:100%;max-width:24rem;padding:.4rem;border:.15rem solid #1a1a1a;border-radius:.3rem}
.filter label{display:block;font-weight:bold}
.map svg{width:100%;height:auto;display:block}
.map .land path{fill:#eef2f7;stroke:#3d3d3d;stroke-width:2;fill-rule:evenodd}
.map .names text{font-size:10px;fill:#3d3d3d;text-anchor:middle}
.map .pins circle{fill:#8a0000;stroke:#fff;stroke-width:3}
.map .pins a:focus circle,.map .pins a:hover circle{fill:#0b3a7e}
.map figcaption{font-size:.9rem}
.stages{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
footer{margin-top:2rem;border-top:.1rem solid #767676;font-size:.9rem}
@media print{
html{font-size:11pt;color:#000}
body{max-width:none}
.skip,header nav,.filter,audio,.listen,.button{display:none}
a{color:#000}
main a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
section,table{break-inside:avoid}
}
)css";
}

}  // namespace kiosk::site
