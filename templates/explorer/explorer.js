// The explorer page: edits a case document in the browser and asks the service to evaluate it.
// No libraries and no network beyond the service that served the page.
"use strict";
(function () {
  const API = "api/";
  const WORDS = {
    en: {title: "legalrules explorer", example: "Example", upload: "Open a case file", as_of: "As of",
      facts: "Facts", facts_hint: "Change a fact: every answer updates. Facts marked ◆ decide an undetermined answer.",
      timeline: "Deadlines", violations: "Violations", conclusions: "Conclusions", none: "none",
      true: "YES", false: "NO", undetermined: "UNDETERMINED", unknown: "unknown", yes: "yes", no: "no",
      established: "Established by", not_established: "Rules that did not hold", no_rule: "no rule establishes it",
      needs: "needs", unknown_facts: "unknown fact(s)", why_not: "why not", satisfied: "satisfied by",
      deciding: "Facts that would decide it", article: "Article", close: "close", evaluating: "evaluating…",
      evaluated: "evaluated", due: "due", status: "status", interpretation: "Interpretation",
      invalid: "The case is not valid; nothing was evaluated:", not_started: "not started",
      add: "Add to the case", measure: "measure", event: "event", add_button: "Add"},
    zh: {title: "legalrules 规则演示", example: "示例案件", upload: "打开案件文件", as_of: "评估时点",
      facts: "案件事实", facts_hint: "修改任一事实，所有结论即时更新。标有 ◆ 的事实决定尚待确定的结论。",
      timeline: "期限", violations: "违反期限", conclusions: "结论", none: "无",
      true: "是", false: "否", undetermined: "待定", unknown: "未知", yes: "是", no: "否",
      established: "成立依据", not_established: "未成立的规则", no_rule: "无规则成立",
      needs: "尚需", unknown_facts: "项未知事实", why_not: "未成立原因", satisfied: "满足条件",
      deciding: "决定该结论的事实", article: "条文", close: "关闭", evaluating: "正在评估…",
      evaluated: "已评估", due: "期满", status: "状态", interpretation: "解释",
      invalid: "案件数据无效，未作评估：", not_started: "未起算",
      add: "添加到案件", measure: "强制措施", event: "事件", add_button: "添加"},
  };
  const state = {doc: null, source: "", lang: "zh", decision: null, words: {}, articles: {}, selected: null,
    timer: null};
  const $ = (id) => document.getElementById(id);
  const t = (key) => WORDS[state.lang][key] || WORDS.en[key] || key;
  // The decision's own words in the page's language, as the service says them (`words`), else its JSON's.
  const said = (kind, key, fallback) => ((state.words[state.lang] || {})[kind] || {})[key] || fallback;
  const subjectName = (subject) => said("subjects", subject, subject);
  const cited = (citation) => said("citations", citation, citation);
  const fact = (path) => said("facts", path, path);
  const conclusionTitle = (c) => said("conclusions", `${c.ruleset}:${c.conclusion}`, c.title);
  const deadlineTitle = (d) => said("deadlines", `${d.rule_id}:${d.duty}`, d.title);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  async function call(path, body) {
    const response = await fetch(API + path, body === undefined ? {} :
      {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    return {ok: response.ok, data: await response.json()};
  }

  // Paths from the service use indexes only: suspect.birth_date, interrogations[0].start.
  function steps(path) {
    return path.match(/[^.[\]]+/g).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  }
  function setPath(doc, path, value) {
    const parts = steps(path);
    let node = doc;
    parts.slice(0, -1).forEach((part, i) => {
      if (node[part] === undefined || node[part] === null) node[part] = typeof parts[i + 1] === "number" ? [] : {};
      node = node[part];
    });
    const last = parts[parts.length - 1];
    if (value === null) delete node[last]; else node[last] = value;
  }

  function applyLang() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
    if (state.decision) render();
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(evaluate, 120);
  }

  async function evaluate() {
    $("status").textContent = t("evaluating");
    const asOf = $("as-of").value;
    const {data} = await call("evaluate", {document: state.doc, source: state.source,
      as_of: asOf ? asOf + ":00+08:00" : null});
    const problems = $("problems");
    problems.replaceChildren();
    problems.hidden = !data.problems.length;
    if (data.problems.length) {
      problems.append(el("li", {}, t("invalid")));
      for (const p of data.problems) problems.append(el("li", {}, p));
      $("status").textContent = "";
      return;
    }
    state.decision = data.decision;
    state.words = data.words || {};
    state.fields = data.fields;
    if (!asOf) $("as-of").value = data.as_of_local;
    render();
    $("status").textContent = `${t("evaluated")}: ${data.decision.case_id}`;
    document.body.dataset.evaluations = String(Number(document.body.dataset.evaluations || 0) + 1);
  }

  function factInput(field) {
    const change = (value) => { setPath(state.doc, field.path, value); schedule(); };
    let input;
    if (field.kind === "bool" || field.kind === "enum") {
      const options = field.kind === "bool" ? [[null, t("unknown")], [true, t("yes")], [false, t("no")]]
        : [[null, t("unknown")], ...field.values.map((v) => [v, String(v)])];
      input = el("select", {});
      options.forEach(([value], i) => {
        const option = el("option", {value: String(i)}, options[i][1]);
        if (value === field.value || (value === null && field.value === null)) option.selected = true;
        input.append(option);
      });
      input.addEventListener("change", () => change(options[Number(input.value)][0]));
    } else if (field.kind === "date" || field.kind === "instant") {
      input = el("input", {type: field.kind === "date" ? "date" : "datetime-local", step: "60"});
      input.value = field.local_value || "";
      input.addEventListener("change", () => change(input.value === "" ? null
        : field.kind === "date" ? input.value : input.value.slice(0, 16) + ":00+08:00"));
    } else {
      // A number field that also takes words (statutory_max: years, or death / life) is typed as text.
      const numeric = (field.kind === "int" || field.kind === "float") && !field.values.length;
      input = el("input", {type: numeric ? "number" : "text"});
      input.value = field.value === null ? "" : String(field.value);
      input.addEventListener("change", () => {
        const text = input.value.trim();
        change(text === "" ? null : field.kind === "text" ? text
          : (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text));
      });
    }
    input.id = "fact-" + field.path;
    input.dataset.path = field.path;
    return input;
  }

  function renderFacts() {
    const box = $("facts");
    box.replaceChildren();
    for (const field of state.fields) {
      box.append(el("div", {class: "fact" + (field.deciding ? " deciding" : "")},
        el("label", {for: "fact-" + field.path}, field.path), factInput(field),
        field.description ? el("span", {class: "desc"}, field.description) : null));
    }
  }

  function localTime(iso) {
    // Every instant in a decision carries its offset; show it as Asia/Shanghai wall time.
    const shifted = new Date(Date.parse(iso) + 8 * 3600e3);
    return shifted.toISOString().slice(0, 16).replace("T", " ");
  }

  function renderTimeline() {
    const deadlines = state.decision.deadlines;
    const box = $("timeline");
    box.replaceChildren();
    if (!deadlines.length) { box.append(el("p", {}, t("none"))); return; }
    const times = deadlines.flatMap((d) => [Date.parse(d.anchor_at), Date.parse(d.due)]);
    const now = Date.parse(state.decision.as_of);
    const low = Math.min(...times, now), high = Math.max(...times, now), span = Math.max(high - low, 1);
    const x = (ms) => (100 * (ms - low) / span).toFixed(2) + "%";
    deadlines.forEach((d, index) => {
      const start = Date.parse(d.anchor_at), end = Date.parse(d.due);
      const status = ((state.words[state.lang] || {}).statuses || [])[index] || d.status;
      const row = el("div", {class: "tl-row", "data-rule": d.rule_id, "data-duty": d.duty});
      row.append(el("div", {class: "tl-bar " + d.status, style: `left:${x(start)};width:calc(${x(end)} - ${x(start)})`,
        title: d.status_text}));
      row.append(el("div", {class: "tl-label"}, `${localTime(d.due)} · ${deadlineTitle(d)} (${subjectName(d.subject)}; `,
        el("a", {href: "#", onclick: (e) => { e.preventDefault(); showArticle(d.ruleset, d.citation, d.quote); }},
          cited(d.citation)), `) · ${status}`));
      box.append(row);
    });
    box.append(el("div", {class: "tl-now", style: `left:${x(now)}`, title: t("as_of")}));
  }

  function renderViolations() {
    const list = $("violations");
    list.replaceChildren();
    const words = state.words[state.lang];
    const found = words ? words.violations : state.decision.violations.map((v) => v.text);
    if (!found.length) list.append(el("li", {class: "none"}, t("none")));
    for (const text of found) list.append(el("li", {}, text));
  }

  function key(c) { return `${c.ruleset}:${c.conclusion}@${c.subject}`; }

  function summary(c) {
    if (c.established_by.length) return c.established_by.map((r) => cited(r.citation)).join("; ");
    if (c.value === "undetermined") return `${t("needs")} ${c.deciding_facts.length} ${t("unknown_facts")}`;
    return t("no_rule");
  }

  function renderConclusions() {
    const box = $("conclusions");
    box.replaceChildren();
    const bySubject = new Map();
    for (const c of state.decision.conclusions) {
      if (!bySubject.has(c.subject)) bySubject.set(c.subject, []);
      bySubject.get(c.subject).push(c);
    }
    for (const [subject, items] of bySubject) {
      const group = el("div", {class: "subject"}, el("h3", {}, subjectName(subject)));
      for (const c of items) {
        group.append(el("div", {class: "answer", tabindex: "0", "data-key": key(c), "data-conclusion": c.conclusion,
          "data-ruleset": c.ruleset, "data-subject": c.subject, "data-value": c.value,
          onclick: () => showWhy(key(c)), onkeydown: (e) => { if (e.key === "Enter") showWhy(key(c)); }},
          el("span", {class: "value v-" + c.value}, t(c.value)),
          el("span", {}, conclusionTitle(c), el("span", {class: "cite"}, summary(c)))));
      }
      box.append(group);
    }
  }

  function ruleBlock(rule) {
    const block = el("div", {class: "rule"},
      // A rule's title is English only: in Chinese its citation and quoted clause say what it is.
      state.lang === "en" ? el("strong", {}, rule.title) : null, state.lang === "en" ? " — " : null,
      el("a", {href: "#", class: "citation", onclick: (e) => { e.preventDefault(); showArticle(rule.rule_id.split(".")[0], rule.citation, rule.quote); }},
        cited(rule.citation)),
      el("blockquote", {class: "quote"}, rule.quote));
    // In English the condition as the rule states it; in Chinese the fact it reads, by its term, and its value.
    const condition = (r) => (state.lang === "en" || !r.fact ? r.condition : fact(r.fact));
    if (rule.satisfied_by.length) {
      block.append(el("div", {}, t("satisfied") + ": " + rule.satisfied_by.map((r) => `${condition(r)} (${JSON.stringify(r.value)})`).join("; ")));
    }
    if (rule.why_not) block.append(el("div", {}, `${t("why_not")}: ${condition(rule.why_not)} — ${rule.why_not.known ? JSON.stringify(rule.why_not.value) : t("unknown")}`));
    const reading = state.lang === "zh" && rule.interpretation_zh ? rule.interpretation_zh : rule.interpretation;
    if (reading) block.append(el("details", {}, el("summary", {}, t("interpretation")), reading));
    return block;
  }

  function showWhy(wanted) {
    state.selected = wanted;
    const c = state.decision.conclusions.find((item) => key(item) === wanted);
    const panel = $("why");
    if (!c) { panel.hidden = true; return; }
    panel.replaceChildren(
      el("button", {type: "button", onclick: () => { panel.hidden = true; state.selected = null; }}, t("close")),
      el("h2", {}, `${conclusionTitle(c)} — `, el("span", {class: "value v-" + c.value}, t(c.value))),
      el("p", {}, state.lang === "en" ? `${c.ruleset} · ${c.conclusion} · ${c.subject}` : subjectName(c.subject)));
    if (c.established_by.length) {
      panel.append(el("h3", {}, t("established")));
      c.established_by.forEach((rule) => panel.append(ruleBlock(rule)));
    }
    if (c.deciding_facts.length) {
      panel.append(el("h3", {}, t("deciding")), el("p", {}, c.deciding_facts.map(fact).join(state.lang === "en" ? ", " : "、")));
    }
    if (c.not_established_by.length) {
      panel.append(el("h3", {}, t("not_established")));
      c.not_established_by.forEach((rule) => panel.append(ruleBlock(rule)));
    }
    panel.append(el("div", {id: "article"}));
    panel.hidden = false;
  }

  async function showArticle(ruleset, citation, quote) {
    if (!state.articles[ruleset]) state.articles[ruleset] = (await call("articles/" + ruleset)).data;
    const info = state.articles[ruleset];
    const number = (citation.match(/Art(?:icle)?\.?\s*(\d+)/) || [])[1];
    const article = number && info.articles[number];
    let target = $("article");
    if (!target) { showWhy(state.selected); target = $("article") || $("why"); $("why").hidden = false; }
    target.replaceChildren(el("div", {class: "article", id: `article-${ruleset}-${number}`},
      el("strong", {}, `${state.lang === "zh" ? info.title_zh : info.title_en} ${info.document_number} · ${t("article")} ${number || "?"}`),
      el("blockquote", {}, quote),
      article ? el("p", {}, `${article.status}: ${article.summary}`) : null));
    target.scrollIntoView({block: "nearest"});
  }

  function render() {
    renderFacts();
    renderTimeline();
    renderViolations();
    renderConclusions();
    if (state.selected) showWhy(state.selected);
  }

  async function loadExample(name) {
    const {data} = await call("examples/" + encodeURIComponent(name));
    state.doc = data.document;
    state.source = name;
    state.selected = null;
    $("why").hidden = true;
    await evaluate();
  }

  async function upload(file) {
    const {ok, data} = await call("parse", {text: await file.text(), source: file.name});
    if (!ok) {
      $("problems").replaceChildren(...data.problems.map((p) => el("li", {}, p)));
      $("problems").hidden = false;
      return;
    }
    state.doc = data.document;
    state.source = file.name;
    await evaluate();
  }

  // A measure or event added with its start (or time); the new item's other facts are then editable.
  function setupAdding(kinds) {
    const what = $("add-what"), kind = $("add-kind");
    const fill = () => kind.replaceChildren(...kinds[what.value].map((k) => el("option", {value: k}, k)));
    what.addEventListener("change", fill);
    fill();
    $("add-button").addEventListener("click", () => {
      const at = $("add-at").value;
      const item = {kind: kind.value};
      if (at) item[what.value === "measures" ? "start" : "at"] = at.slice(0, 16) + ":00+08:00";
      if (what.value === "measures") item.id = `${kind.value.slice(0, 1)}${(state.doc.measures || []).length + 1}`;
      state.doc[what.value] = [...(state.doc[what.value] || []), item];
      schedule();
    });
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    state.lang = params.get("lang") === "en" ? "en" : "zh";
    for (const b of document.querySelectorAll("[data-lang]")) {
      b.addEventListener("click", () => { state.lang = b.dataset.lang; applyLang(); });
    }
    applyLang();
    setupAdding((await call("kinds")).data);
    const {data} = await call("examples");
    const select = $("example");
    for (const name of data.examples) select.append(el("option", {value: name}, name));
    select.addEventListener("change", () => loadExample(select.value));
    $("upload").addEventListener("change", () => { if ($("upload").files[0]) upload($("upload").files[0]); });
    $("as-of").addEventListener("change", schedule);
    const chosen = params.get("example") || data.examples[0];
    select.value = chosen;
    if (params.get("as_of")) $("as-of").value = params.get("as_of");
    await loadExample(chosen);
  }

  window.explorer = {state, evaluate, setPath, schedule};
  start();
})();
