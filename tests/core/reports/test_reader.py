"""The report reader on hard cases: negation, uncertainty, history, other levels, a modality
that cannot show a finding, and the motivating case's MRI report."""

import json
import subprocess
import sys
import threading

from paths import ROOT, SEED

from reviewer_app.core.reports.reader import ReportReadError, check_modality, read_report


def _listed(items, finding):
    return [item for item in items if item.mention.finding == finding]


def test_the_motivating_case_mri_report(read):
    """The seed's MRI report gives seven of the nine findings the seed case records. The text
    does not state the other two: `alignment` (de_novo_deformity in the case; the report
    describes a burst fracture with more than 50% height loss but names no kyphosis or other
    deformity) and `marrow_edema` (true in the case; the report says nothing of marrow signal,
    STIR or edema). Neither is proposed nor listed: the nurse enters them from the images or
    asks."""
    study = json.loads(SEED.read_text())["imaging"][0]
    reading = read(study["report_text"], "MRI", ("L1", "L2", "L3"))
    expected = dict(study["findings"])
    not_stated = {"alignment": expected.pop("alignment"),
                  "marrow_edema": expected.pop("marrow_edema")}
    assert reading.findings() == expected
    assert not_stated == {"alignment": "de_novo_deformity", "marrow_edema": True}
    mentioned = {item.mention.finding for item in
                 reading.uncertain + reading.other_levels + reading.not_shown}
    assert not mentioned & set(not_stated)
    escc = reading.proposals["escc_grade"].evidence
    assert escc.mention == "contacting the conus/cauda equina without compression"
    assert reading.proposals["posterolateral_involvement"].evidence.sentence == (
        "Right pedicle involved.")
    assert reading.proposals["posterolateral_involvement"].levels == ("L2",)


def test_the_motivating_case_ct_report_states_no_spine_finding(read):
    """imaging[1] of the seed is a staging CT whose text speaks of the viscera only: its
    recorded findings (lytic, burst, retropulsion) come from elsewhere, and "no visceral
    lesion" is not lesion_type none."""
    study = json.loads(SEED.read_text())["imaging"][1]
    reading = read(study["report_text"], "CT", ("L1", "L2", "L3"))
    assert reading.findings() == {}
    assert not reading.uncertain and not reading.other_levels


def test_evidence_offsets_point_into_the_report(read):
    text = "FINDINGS:\n  L4-5: Moderate central canal stenosis.  No fracture.\n"
    reading = read(text, "MRI", ("L4", "L5"))
    for proposal in reading.proposals.values():
        evidence = proposal.evidence
        assert text[evidence.start:evidence.end] == evidence.sentence
        assert text[evidence.mention_start:evidence.mention_end] == evidence.mention
    assert reading.findings() == {"stenosis": "moderate", "fracture": "none"}


def test_negated_mentions_become_negative_values(read):
    reading = read("No retropulsion. No marrow edema. No disc herniation or stenosis.",
                   "MRI", ("L2",))
    assert reading.findings() == {"retropulsion": False, "marrow_edema": False,
                                  "disc_herniation": False, "stenosis": "none"}
    assert reading.proposals["retropulsion"].mention.negated


def test_a_negation_is_not_lost_to_a_longer_target(read):
    reading = read("No acute compression fracture. L1 burst fracture without retropulsion, "
                   "and there is no canal compromise.", "CT", ("L1",))
    assert reading.findings()["fracture"] == "burst"
    assert reading.findings()["retropulsion"] is False
    assert reading.findings()["canal_compromise_percent"] == 0
    reading = read("No acute compression fracture.", "CT", ("L1",))
    assert reading.findings() == {"fracture": "none"}


def test_uncertain_mentions_propose_nothing_and_are_listed(read):
    reading = read("Cannot exclude discitis at L2-3. Possible retropulsion at L2. Findings "
                   "suspicious for a lytic lesion.", "MRI", ("L2", "L3"))
    assert reading.findings() == {}
    listed = {item.mention.finding: item.reason for item in reading.uncertain}
    assert listed == {"infection": "uncertain", "retropulsion": "uncertain",
                      "lesion_type": "uncertain"}


def test_an_uncertain_mention_holds_back_the_negative_value(read):
    reading = read("Endplate irregularity suspicious for discitis. No paraspinal abscess. "
                   "No evidence of osteomyelitis.", "CT", ("L2",))
    assert "infection" not in reading.findings()
    assert {item.reason for item in _listed(reading.uncertain, "infection")} >= {
        "uncertain", "another mention is uncertain"}


def test_historical_and_hypothetical_mentions_propose_nothing(read):
    text = ("INDICATION: Rule out cord compression.\nFINDINGS: History of L2 compression "
            "fracture. Recommend MRI to evaluate for marrow edema.")
    reading = read(text, "XR", ("L2",))
    assert reading.findings() == {}
    reasons = {item.mention.finding: item.reason for item in reading.uncertain}
    assert reasons == {"fracture": "historical", "marrow_edema": "hypothetical"}
    assert not _listed(reading.uncertain, "escc_grade"), "the indication is not read"


def test_a_finding_at_another_level_is_shown_not_proposed(read):
    reading = read("Acute L1 compression fracture with marrow edema. Severe stenosis at L4-5.",
                   "MRI", ("L4", "L5"))
    assert reading.findings() == {"stenosis": "severe"}
    other = {item.mention.finding: item.value for item in reading.other_levels}
    assert other == {"fracture": "compression", "marrow_edema": True}
    assert reading.other_levels[0].mention.levels == (("L1",),)


def test_no_other_lesion_is_not_a_negative_for_the_level_described(read):
    reading = read("Lytic metastasis at L2. No other osseous lesions.", "MRI", ("L2",))
    assert reading.findings() == {"lesion_type": "lytic"}
    assert _listed(reading.other_levels, "lesion_type")


def test_a_modality_that_cannot_show_a_finding_gets_no_negative_value(read):
    reading = read("L2 compression fracture. No retropulsion. No marrow edema.", "XR", ("L2",))
    assert reading.findings() == {"fracture": "compression"}
    assert {item.mention.finding for item in reading.not_shown} == {
        "retropulsion", "marrow_edema"}
    positive = read("L1 burst fracture with a retropulsed fragment.", "XR", ("L1",))
    assert positive.findings() == {"fracture": "burst", "retropulsion": True}


def test_bound_findings_count_only_from_their_own_studies(read):
    text = "Grade 1 anterolisthesis of L4 on L5 with 4 mm of anterior translation on flexion."
    assert read(text, "XR", ("L4", "L5")).findings() == {
        "spondylolisthesis_grade": 1, "dynamic_translation_mm": 4}
    mri = read(text, "MRI", ("L4", "L5"))
    assert mri.findings() == {"spondylolisthesis_grade": 1}
    assert [i.reason for i in mri.not_shown] == ["MRI cannot show it"]
    static = read("Grade 1 anterolisthesis of L4 on L5; 4 mm of anterior translation.",
                  "XR", ("L4", "L5"))
    assert "dynamic_translation_mm" not in static.findings()
    edema = read("Compression fracture of L1 with marrow edema.", "CT", ("L1",))
    assert edema.findings() == {"fracture": "compression"}


def test_bilsky_wording(read):
    cases = {
        "Tumor confined to the vertebral body.": "0",
        "Epidural tumor without deformity of the thecal sac.": "1a",
        "Epidural tumor deforms the thecal sac without contacting the cord.": "1b",
        "Epidural tumor abuts the cord without compression.": "1c",
        "Epidural tumor compresses the spinal cord with CSF still visible.": "2",
        "Cord compression with complete effacement of the CSF.": "3",
        "Bilsky 2.": "2",
    }
    for text, grade in cases.items():
        assert read(text, "MRI", ("T8",)).findings() == {"escc_grade": grade}, text
    ungraded = read("Epidural tumor compresses the cord.", "MRI", ("T8",))
    assert ungraded.findings() == {}
    assert [i.reason for i in ungraded.uncertain] == ["value not stated"]
    assert read("No cord compression.", "MRI", ("T8",)).findings() == {}


def test_numbers_and_their_bands(read):
    reading = read("L1 compression fracture with 30% height loss.", "CT", ("L1",))
    assert reading.findings() == {"fracture": "compression", "height_loss_percent": 30,
                                  "vertebral_collapse": "lt50"}
    assert read("Canal compromise of approximately 140%.", "CT", ("L1",)).findings() == {}


def test_unknown_modality_and_level_are_refused(pipeline):
    assert check_modality("pet_ct") == "PET_CT"
    for modality, levels in (("ultrasound", ["L2"]), ("MRI", ["L9"])):
        try:
            read_report("No fracture.", modality, levels, pipeline=pipeline)
        except ReportReadError:
            continue
        raise AssertionError((modality, levels))


def test_provenance_records_what_the_nurse_did(read):
    reading = read("L2 burst fracture with retropulsion. No marrow edema.", "MRI", ("L2",))
    record = reading.provenance(0, {"fracture": "burst", "retropulsion": False})
    assert record["format"] == "ur-report-reading/1"
    assert record["study"] == 0 and record["modality"] == "MRI"
    decisions = {name: entry["decision"] for name, entry in record["findings"].items()}
    assert decisions == {"fracture": "accepted", "retropulsion": "changed",
                         "marrow_edema": "rejected"}
    assert record["findings"]["retropulsion"]["entered"] is False
    assert record["findings"]["marrow_edema"]["negated"] is True
    json.dumps(record)


def test_two_threads_read_at_once(read):
    text = json.loads(SEED.read_text())["imaging"][0]["report_text"]
    expected = read(text, "MRI", ("L2",)).findings()
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(read(text, "MRI", ("L2",)).findings())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert results == [expected] * 15


def test_loads_with_the_network_off_and_logs_nothing():
    """A fresh process with every socket refused loads the pipeline and reads a report;
    PyRuSH's per-token DEBUG logging does not reach standard error."""
    probe = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network is off')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from reviewer_app.core.reports.reader import read_report\n"
        "print(read_report('No retropulsion. L2 burst fracture.', 'CT', ['L2']).findings())\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'fracture': 'burst', 'retropulsion': False}"
    assert result.stderr == ""
