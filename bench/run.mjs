// `make bench`: every benchmark in turn. Numbers are printed, never asserted (DESIGN.md §8).
import { runSearchBench } from './search.mjs';

await runSearchBench();
