// Tasklist's script: Vietnamese in every browser, English only where the officer chooses it.
import '../../tasklist/scripts/interface-language.js';
