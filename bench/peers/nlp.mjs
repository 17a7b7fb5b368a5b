// Sentences and named entities over the same texts as Factdesk's `nlp` benchmark, by wink-nlp (English lite web
// model) or compromise, for words-per-second side by side. The texts come as one JSON array of strings (written by
// bench/Factdesk.Bench), so every system reads exactly the same words.
// Usage: node nlp.mjs wink|compromise TEXTS.json --serve   (see serve.mjs), or without --serve: one pass, counts printed
import { readFileSync } from "node:fs";
import { serve } from "./serve.mjs";

const [system, file, mode] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(file, "utf8"));

async function analyser() {
  if (system === "wink") {
    const winkNLP = (await import("wink-nlp")).default;
    const model = (await import("wink-eng-lite-web-model")).default;
    const nlp = winkNLP(model);
    const its = nlp.its;
    return text => {
      const doc = nlp.readDoc(text);
      return [doc.sentences().out().length, doc.entities().out(its.detail).length];
    };
  }
  if (system === "compromise") {
    const nlp = (await import("compromise")).default;
    // Its named entities are people, places and organisations; sentences come from the same parse.
    return text => {
      const doc = nlp(text);
      return [doc.sentences().length, doc.people().length + doc.places().length + doc.organizations().length];
    };
  }
  console.error(`unknown system ${system}: wink or compromise`);
  process.exit(2);
}

const analyse = await analyser();
function passAll() {
  let sentences = 0, entities = 0;
  for (const text of texts) {
    const [s, e] = analyse(text);
    sentences += s;
    entities += e;
  }
  return { sentences, entities };
}

if (mode === "--serve") await serve(passAll);
else console.log(JSON.stringify({ system, texts: texts.length, ...passAll() }));
