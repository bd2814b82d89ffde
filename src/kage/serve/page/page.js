// Kage in the browser. Plain script, no build step: served as it is.
//
// The game's id and token are kept in localStorage, so a reload resumes the game. Commands
// go over the WebSocket when it is open, else by HTTP (POST .../commands). After each
// line the status bar is set from the last turn object, and the panels (inventory, map,
// plots, completion words) are fetched from GET .../panels.
"use strict";

(function () {
  const KEY = "kage.game";            // {game, token, world}
  const HISTORY = "kage.history";     // the commands typed, newest last
  const HISTORY_SIZE = 200;
  const $ = (id) => document.getElementById(id);

  const view = {
    transcript: $("transcript"),
    input: $("command"),
    form: $("prompt"),
    hint: $("hint"),
    connection: $("connection"),
    inventory: $("inventory"),
    map: $("map"),
    plots: $("plots"),
    plotsPanel: $("plots-panel"),
    plotView: $("plot-view"),
    gameId: $("game-id"),
  };

  const HINT = view.hint.textContent.replace(/\s+/g, " ").trim();
  let game = load(KEY, null);
  let history = load(HISTORY, []);
  let recall = history.length;        // where up/down stands in the history
  let draft = "";                     // what was typed before up was pressed
  let complete = { verbs: [], words: [] };
  let cycle = null;                   // Tab pressed again: {start, choices, index}
  let socket = null;
  let retry = 1000;                   // ms before trying a dropped WebSocket again
  let waiting = [];                   // WebSocket replies awaited, oldest first
  let busy = false;

  function load(key, fallback) {
    try {
      const text = localStorage.getItem(key);
      return text ? JSON.parse(text) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function keep(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch (e) { /* private mode: the game still plays, a reload starts anew */ }
  }

  // ---- the game's formatting, as the terminal shows it (kage.interfaces.terminal.show):
  // paragraphs apart; a place's name (a short first line without closing punctuation,
  // followed by more) in bold; a block in [brackets] dimmed. A [bracketed] first line is
  // a notice, never a place's name.
  // control characters (an escape sequence in a typed line) are dropped, as at the terminal
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
  function printable(text) {
    return String(text).replace(CONTROL, "");
  }

  function blocks(text) {
    const out = [];
    for (const block of printable(text).split("\n\n")) {
      let lines = block.split("\n");
      let heading = null;
      const first = lines[0] || "";
      if (lines.length > 1 && first && first.length < 60 && !first.startsWith("[") &&
          !/[.!?"]$/.test(first.trimEnd())) {
        heading = first;
        lines = lines.slice(1);
      }
      const body = lines.join("\n");
      out.push({ heading, body });
    }
    return out;
  }

  function paragraph(block) {
    const p = document.createElement("p");
    if (block.heading !== null) {
      const h = document.createElement("strong");
      h.className = "heading";
      h.textContent = block.heading;
      p.appendChild(h);
    }
    // a line in [brackets] is a notice ("[Your score has just gone up.]"): dimmed
    let run = [];
    const flush = (note) => {
      if (!run.length) return;
      const span = document.createElement("span");
      if (note) span.className = "note";
      span.textContent = run.join("\n");
      p.appendChild(span);
      run = [];
    };
    let inNote = null;
    const lines = block.body ? block.body.split("\n") : [];
    lines.forEach((line, k) => {
      const note = /^\[.*\]$/.test(line.trim());
      if (inNote !== null && note !== inNote) {
        run[run.length - 1] += "\n";
        flush(inNote);
      }
      inNote = note;
      run.push(line);
    });
    flush(inNote);
    return p;
  }

  function show(turn) {
    const div = document.createElement("div");
    div.className = "turn";
    div.dataset.turn = String(turn.turn);
    if (turn.command) {
      const echo = document.createElement("p");
      echo.className = "echo";
      echo.textContent = "> " + printable(turn.command);
      div.appendChild(echo);
    }
    for (const block of blocks(turn.output || "")) {
      if (block.heading === null && !block.body) continue;
      div.appendChild(paragraph(block));
    }
    view.transcript.appendChild(div);
  }

  function status(turn) {
    const s = turn.status || {};
    $("status-place").textContent = s.place || turn.location || "";
    $("status-when").textContent = s.when || turn.when || "";
    $("status-score").textContent = s.score || "";
    $("status-score-item").hidden = !s.score;
    const list = $("status-world");
    list.replaceChildren();
    for (const text of s.world || []) {
      const li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    }
    if (turn.done) {
      view.hint.textContent = turn.won
        ? "The story is over, and you won. Type restart to play again, or undo."
        : "The story is over. Type restart, restore or undo.";
    }
  }

  function scrollDown() {
    const last = view.transcript.lastElementChild;
    if (last) last.scrollIntoView({ block: "end" });
    view.input.scrollIntoView({ block: "nearest" });
  }

  // ---- talking to the server
  function base() {
    return "/api/games/" + encodeURIComponent(game.game);
  }

  async function api(method, path, body) {
    const headers = { "Content-Type": "application/json" };
    if (game && game.token) headers.Authorization = "Bearer " + game.token;
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const said = data && data.error && data.error.message;
      const error = new Error(said || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function turnsOf(data) {
    if (Array.isArray(data)) return data;
    if (data && Array.isArray(data.turns)) return data.turns;
    return data ? [data] : [];
  }

  async function newGame() {
    const wanted = new URLSearchParams(location.search).get("world");
    game = null;
    const data = await api("POST", "/api/games", wanted ? { world: wanted } : {});
    game = { game: data.game, token: data.token, world: data.world };
    keep(KEY, game);
    view.transcript.replaceChildren();
    const opening = data.turn;
    show(opening);
    status(opening);
    return opening;
  }

  async function resume() {
    const data = await api("GET", base());
    view.transcript.replaceChildren();
    const transcript = data.transcript || [];
    for (const turn of transcript) show(turn);
    const latest = data.turn || transcript[transcript.length - 1];
    if (latest) status(latest);
    return latest;
  }

  function openSocket() {
    if (!("WebSocket" in window) || !game) return;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const url = scheme + location.host + base() + "/ws";
    const mine = game;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (e) {
      return;
    }
    ws.onopen = () => {
      ws.send(JSON.stringify({ token: mine.token }));
    };
    ws.onmessage = (event) => {
      let data = null;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (!data) return;
      if (data.type === "game") {  // the token was taken: commands may come this way
        socket = ws;
        retry = 1000;
        document.body.dataset.transport = "websocket";
        return;
      }
      const pending = waiting.shift();
      if (!pending) return;
      if (data.type === "error") {
        const error = new Error(data.error.message);
        error.status = data.error.status;
        pending.reject(error);
      } else {
        pending.resolve(data.turns || []);
      }
    };
    ws.onclose = (event) => {
      const was = socket === ws;
      if (was) socket = null;
      document.body.dataset.transport = "http";
      for (const pending of waiting.splice(0)) pending.reject(new Error("closed"));
      // a dropped connection (a server restart, a network change) is tried again, later
      // and later; a refused token (4401, 4404) is not
      if (event.code !== 4401 && event.code !== 4404 && game === mine) {
        retry = Math.min(30000, was ? 1000 : retry * 2);
        setTimeout(() => { if (game === mine && !socket) openSocket(); }, retry);
      }
    };
  }

  function viaSocket(command) {
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      socket.send(JSON.stringify({ command }));
    });
  }

  // The turns a command line played. A socket that closes with the line in flight may or
  // may not have played it: sending it again could play it twice, so the game is read
  // back instead (resume), and the transcript shows what happened.
  async function play(command) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      try {
        return await viaSocket(command);
      } catch (e) {
        if (e.message !== "closed") throw e;
        view.connection.textContent = "The connection dropped; the game was read back.";
        await resume();
        return [];
      }
    }
    return turnsOf(await api("POST", base() + "/commands", { command }));
  }

  async function refreshPanels() {
    let data;
    try {
      data = await api("GET", base() + "/panels");
    } catch (e) {
      return;
    }
    complete = data.complete || complete;
    inventory(data.inventory || {});
    showMap(data.map || "");
    plots(data.plots || []);
  }

  // The map fits the panel, but never shrinks below MAP_SCALE of its size (its names
  // must stay readable): a larger one scrolls, with the player's place kept in view.
  const MAP_SCALE = 0.9;
  function showMap(svg) {
    view.map.innerHTML = svg;  // drawn by the server, names escaped there
    const drawn = view.map.querySelector("svg");
    if (!drawn) return;
    const box = drawn.viewBox && drawn.viewBox.baseVal;
    if (box && box.width) drawn.style.minWidth = Math.round(box.width * MAP_SCALE) + "px";
    const here = drawn.querySelector('[aria-current="location"] rect');
    if (here) {
      const a = here.getBoundingClientRect();
      const c = view.map.getBoundingClientRect();
      view.map.scrollLeft += a.left + a.width / 2 - (c.left + c.width / 2);
      view.map.scrollTop += a.top + a.height / 2 - (c.top + c.height / 2);
    }
  }

  function inventory(inv) {
    const list = view.inventory;
    list.replaceChildren();
    const add = (text, className, parent) => {
      const li = document.createElement("li");
      li.textContent = text;
      if (className) li.className = className;
      (parent || list).appendChild(li);
      return li;
    };
    if (inv.dark) {
      add("Too dark to see what you hold.", "empty");
      return;
    }
    for (const item of inv.items || []) {
      const li = add(item.name);
      const flags = [];
      if (item.worn) flags.push("worn");
      if (item.light) flags.push("giving light");
      if (item.money) flags.push("holding " + item.money);
      if (flags.length) {
        const span = document.createElement("span");
        span.className = "flag";
        span.textContent = " (" + flags.join(", ") + ")";
        li.appendChild(span);
      }
      if (item.inside && item.inside.length) {
        const inner = document.createElement("ul");
        for (const thing of item.inside) add(thing.name, "", inner);
        li.appendChild(inner);
      }
    }
    if (inv.loose) add(inv.loose + ", loose");
    if (!list.children.length) add("You are carrying nothing.", "empty");
  }

  function plots(links) {
    view.plotsPanel.hidden = links.length === 0;
    view.plots.replaceChildren();
    for (const link of links) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = link.title;
      button.addEventListener("click", () => showPlot(link));
      li.appendChild(button);
      view.plots.appendChild(li);
    }
  }

  async function showPlot(link) {
    // images need the token, so they are fetched here rather than linked
    view.plotView.textContent = "Drawing…";
    try {
      const response = await fetch(link.png, { headers: { Authorization: "Bearer " + game.token } });
      if (!response.ok) throw new Error(response.statusText);
      const url = URL.createObjectURL(await response.blob());
      const figure = document.createElement("figure");
      const img = document.createElement("img");
      img.src = url;
      img.alt = link.title;
      const caption = document.createElement("figcaption");
      const open = document.createElement("a");
      open.href = url;
      open.target = "_blank";
      open.rel = "noopener";
      open.textContent = "Open full size: " + link.title;
      caption.appendChild(open);
      figure.append(img, caption);
      view.plotView.replaceChildren(figure);
    } catch (e) {
      view.plotView.textContent = "The plot could not be drawn.";
    }
  }

  // ---- the input line: history and completion
  function remember(command) {
    if (command && history[history.length - 1] !== command) {
      history.push(command);
      if (history.length > HISTORY_SIZE) history = history.slice(-HISTORY_SIZE);
      keep(HISTORY, history);
    }
    recall = history.length;
    draft = "";
  }

  function step(by) {
    if (recall === history.length) draft = view.input.value;
    const next = Math.min(history.length, Math.max(0, recall + by));
    if (next === recall) return;
    recall = next;
    view.input.value = recall === history.length ? draft : history[recall];
    const end = view.input.value.length;
    view.input.setSelectionRange(end, end);
  }

  function choicesFor(text) {
    const match = /([A-Za-z]+)$/.exec(text);
    if (!match) return null;
    const typed = match[1].toLowerCase();
    const before = text.slice(0, text.length - match[1].length);
    const starting = !/[A-Za-z]/.test(before) || /(?:[.,;]|\bthen)\s*$/i.test(before);
    const pool = starting ? complete.verbs : complete.words;
    const choices = pool.filter((w) => w.startsWith(typed) && w !== typed);
    return { start: before.length, typed, choices };
  }

  function commonPrefix(words) {
    let prefix = words[0];
    for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return prefix;
  }

  // Tab: complete the word before the cursor. Returns false when there is nothing to
  // complete, so that Tab moves the focus on as usual (keyboard users must be able to leave).
  function tab(backwards) {
    const text = view.input.value;
    if (cycle && cycle.text === text) {
      cycle.index = (cycle.index + (backwards ? -1 : 1) + cycle.choices.length) % cycle.choices.length;
      const word = cycle.choices[cycle.index];
      view.input.value = text.slice(0, cycle.start) + word + " ";
      cycle.text = view.input.value;
      return true;
    }
    cycle = null;
    if (view.input.selectionStart !== text.length) return false;
    const found = choicesFor(text);
    if (!found || !found.choices.length) return false;
    const head = text.slice(0, found.start);
    if (found.choices.length === 1) {
      view.input.value = head + found.choices[0] + " ";
      view.hint.textContent = "";
      return true;
    }
    const prefix = commonPrefix(found.choices);
    view.hint.replaceChildren("Tab again for: ");
    const shown = found.choices.slice(0, 12);
    shown.forEach((word, k) => {
      const span = document.createElement("span");
      span.className = "choice";
      span.textContent = word;
      view.hint.append(span, k < shown.length - 1 ? ", " : "");
    });
    if (prefix.length > found.typed.length) {
      view.input.value = head + prefix;
      return true;
    }
    cycle = { start: found.start, choices: found.choices, index: backwards ? 0 : -1, text };
    return tab(backwards);
  }

  view.input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowUp") {
      event.preventDefault();
      step(-1);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      step(1);
    } else if (event.key === "Tab" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      if (tab(event.shiftKey)) event.preventDefault();
    } else if (event.key === "Escape") {
      cycle = null;
      view.input.value = "";
      recall = history.length;
    } else if (event.key.length === 1 || event.key === "Backspace") {
      cycle = null;
    }
  });

  async function submit(event) {
    event.preventDefault();
    if (busy || !game) return;
    const command = view.input.value;
    busy = true;
    document.body.dataset.busy = "true";
    view.input.value = "";
    cycle = null;
    view.hint.textContent = HINT;
    remember(command.trim());
    try {
      const turns = await play(command);
      if (turns.length) view.connection.textContent = "";
      for (const turn of turns) show(turn);
      if (turns.length) status(turns[turns.length - 1]);
      scrollDown();
    } catch (e) {
      if (e.status === 401 || e.status === 404) {
        view.connection.textContent = "That game is gone; a new one has begun.";
        await begin(true);
      } else {
        view.connection.textContent = "Not sent (" + e.message + "). Try again.";
        view.input.value = command;
      }
    } finally {
      busy = false;
      view.input.focus();
    }
    await refreshPanels();
    document.body.dataset.busy = "false";
  }

  async function begin(fresh) {
    view.input.disabled = true;
    if (socket) { socket.close(); socket = null; }
    try {
      // ?world=NAME asks for a game of that world: the kept game resumes only if it is one
      const wanted = new URLSearchParams(location.search).get("world");
      const fits = !wanted || !game || !game.world || game.world === wanted;
      if (!fresh && fits && game && game.game && game.token) {
        try {
          await resume();
        } catch (e) {
          if (e.status !== 401 && e.status !== 404) throw e;
          await newGame();
        }
      } else {
        await newGame();
      }
    } catch (e) {
      view.connection.textContent = "The server could not be reached (" + e.message + ").";
      return;
    }
    view.gameId.textContent = "Game " + game.game;
    document.body.dataset.game = game.game;
    openSocket();
    view.input.disabled = false;
    view.input.focus();
    scrollDown();
    await refreshPanels();
    document.body.dataset.ready = "true";
  }

  view.form.addEventListener("submit", submit);
  $("new-game").addEventListener("click", () => {
    if (window.confirm("Start a new game? This one stays on the server but this page forgets it.")) {
      keep(KEY, null);
      document.body.dataset.ready = "false";
      begin(true);
    }
  });

  // exposed for tests and for the curious: the formatting rule, nothing that plays
  window.kage = { blocks };
  begin(false);
})();
