// Runs the reference optimizer (fsrs-rs 6.5, npm package @open-spaced-repetition/binding) on the
// training items bench_optimizer exported, and writes its weights and timing for the bench to read.
// Usage: node reference_fit.mjs ITEMS.json RESULT.txt [RUNS]
import { readFileSync, writeFileSync } from 'node:fs'
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding'

const [input, output, runsArgument] = process.argv.slice(2)
const runs = Math.max(1, Number(runsArgument ?? 3))
const version = JSON.parse(
  readFileSync(new URL('./node_modules/@open-spaced-repetition/binding/package.json', import.meta.url), 'utf8'),
).version

// Each card's reviews once; every item is a prefix of its card (the reference copies it into Rust).
const data = JSON.parse(readFileSync(input, 'utf8'))
const cards = data.cards.map((flat) => {
  const reviews = []
  for (let i = 0; i < flat.length; i += 2) reviews.push(new FSRSBindingReview(flat[i], flat[i + 1]))
  return reviews
})
const items = data.items.map(([card, review]) => new FSRSBindingItem(cards[card].slice(0, review + 1)))
const rssBeforeMiB = process.memoryUsage().rss / 1048576

const seconds = []
let params = null
for (let run = 0; run < runs; run++) {
  const start = performance.now()
  params = await computeParameters(items, { enableShortTerm: true })
  seconds.push((performance.now() - start) / 1000)
}
const sorted = [...seconds].sort((a, b) => a - b)
const median = runs % 2 ? sorted[(runs - 1) / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2
const peakMiB = process.resourceUsage().maxRSS / 1024

writeFileSync(
  output,
  [
    `version fsrs-binding-${version}`,
    `params ${params.join(',')}`,
    `median_seconds ${median}`,
    `seconds ${seconds.join(',')}`,
    `runs ${runs}`,
    `items ${items.length}`,
    `rss_before_fit_mib ${rssBeforeMiB.toFixed(1)}`,
    `peak_rss_mib ${peakMiB.toFixed(1)}`,
  ].join('\n') + '\n',
)
console.log(`reference ${version}: ${items.length} items, computeParameters median ${median.toFixed(3)} s ` +
  `(${seconds.map((s) => s.toFixed(3)).join(', ')}), node peak RSS ${peakMiB.toFixed(1)} MiB ` +
  `(${rssBeforeMiB.toFixed(1)} MiB before fitting)`)
