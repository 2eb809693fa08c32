// Tasklist's script: dates in the interface language and on Vietnam's clock, whatever the computer's language and zone.
import '../../tasklist/scripts/vietnam-dates.js';
