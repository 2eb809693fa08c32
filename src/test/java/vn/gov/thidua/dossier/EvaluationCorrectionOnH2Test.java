package vn.gov.thidua.dossier;

import org.junit.jupiter.api.Tag;

/**
 * The evaluation correction story on H2, the embedded database of the demo: the migration that versions the rows
 * rebuilds the table because the old unique rule has a different name on each database.
 */
@Tag("h2")
class EvaluationCorrectionOnH2Test extends EvaluationCorrectionStoryTest {
}
