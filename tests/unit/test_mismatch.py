"""Unit tests for course_lib.c3_structuring_ml.mismatch and its exercise check."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c2_improving_dnns.input_normalization import normalize_inputs
from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.mismatch_checks import check_diagnose_gaps
from course_lib.tables import Table

SMALL = dict(m_web=1500, m_app_train=60, m_dev=600, m_test=600, m_train_dev=200)


@pytest.fixture(scope="module")
def small_sets():
    return mm.make_sets(**SMALL, shift=1.5, seed=0)


@pytest.fixture(scope="module")
def model(small_sets):
    train = small_sets["train"]
    return mm.train_network(train.X, train.Y, (16,), 300, seed=0)


# --- the data ------------------------------------------------------------------------------


def test_word_templates_and_noise_basis_shapes():
    words = mm.word_templates()
    assert words.shape == (mm.N_X, 2)
    assert np.linalg.norm(words[:, 1] - words[:, 0]) > 1.0  # two different words
    B = mm.car_noise_basis()
    assert B.shape == (mm.N_X, 16)
    # scaled so that car noise of level s has average power s^2 per sample
    assert np.trace(B @ B.T) / mm.N_X == pytest.approx(1.0)


def test_car_noise_power_band_and_nesting():
    noise = mm.car_noise(20_000, level=2.0, seed=1)
    assert noise.shape == (mm.N_X, 20_000)
    assert np.mean(noise**2) == pytest.approx(4.0, rel=0.05)
    spectrum = mm.power_spectrum(noise)
    assert spectrum[: mm.RUMBLE_CUTOFF + 2].sum() > 0.95 * spectrum.sum()  # a slow rumble
    # recording longer extends a shorter recording with the same seed
    np.testing.assert_array_equal(mm.car_noise(5, 1.0, seed=3), mm.car_noise(9, 1.0, seed=3)[:, :5])
    assert mm.car_noise(0, 1.0).shape == (mm.N_X, 0)


def test_voice_clips_shift_only_adds_car_noise():
    X0, Y0 = mm.voice_clips(400, 0.0, seed=7)
    X2, Y2 = mm.voice_clips(400, 2.0, seed=7)
    np.testing.assert_array_equal(Y0, Y2)
    assert X0.shape == (mm.N_X, 400) and Y0.shape == (1, 400)
    assert set(np.unique(Y0)) == {0.0, 1.0} and 0.4 < Y0.mean() < 0.6
    # the difference lies in the span of the car-noise basis: nothing else changed
    Q, _ = np.linalg.qr(mm.car_noise_basis())
    difference = X2 - X0
    residual = difference - Q @ (Q.T @ difference)
    assert np.abs(residual).max() < 1e-10 and np.abs(difference).max() > 1.0
    np.testing.assert_array_equal(mm.voice_clips(400, 2.0, seed=7)[0], X2)


def test_human_level_error_matches_the_best_rule_on_a_sample():
    """The closed form Phi(-Delta/2) equals the error of the LDA rule on a large sample."""
    shift = 1.5
    T, B = mm.word_templates(), mm.car_noise_basis()
    sigma = mm.HISS**2 * np.eye(mm.N_X) + shift**2 * B @ B.T
    w = np.linalg.solve(sigma, T[:, 1] - T[:, 0])
    X, Y = mm.voice_clips(60_000, shift, seed=11)
    predictions = (w @ (X - (T[:, [0]] + T[:, [1]]) / 2) > 0).astype(float)
    sampled = np.mean(predictions != Y[0])
    assert mm.human_level_error(shift) == pytest.approx(sampled, abs=0.004)


def test_human_level_error_grows_with_noise_and_rejects_bad_values():
    levels = [mm.human_level_error(s) for s in (0.0, 0.5, 1.5, 3.0)]
    assert levels == sorted(levels) and 0 < levels[0] < levels[-1] < 0.5
    assert mm.human_level_error(0.0, hiss=0.3) < mm.human_level_error(0.0)
    with pytest.raises(ValueError, match="hiss must be > 0"):
        mm.human_level_error(0.0, hiss=0.0)
    with pytest.raises(ValueError, match="non-negative"):
        mm.human_level_error(-1.0)


def test_human_level_of_weights_each_clip_by_its_source():
    web = mm.Part(np.zeros((mm.N_X, 4)), np.zeros((1, 4)), np.array([[mm.WEB] * 4]))
    assert mm.human_level_of(web, 1.5) == pytest.approx(mm.human_level_error(0.0))
    mixed = mm.Part(np.zeros((mm.N_X, 4)), np.zeros((1, 4)), np.array([[0, 1, 2, 0]]))
    expected = (mm.human_level_error(0.0) + mm.human_level_error(1.5)) / 2
    assert mm.human_level_of(mixed, 1.5) == pytest.approx(expected)
    with pytest.raises(ValueError, match="no examples"):
        mm.human_level_of(web.only(mm.APP))


def test_synthesise_adds_one_pool_clip_per_example():
    clean = np.random.default_rng(0).standard_normal((mm.N_X, 50))
    pool = mm.car_noise(3, 1.0, seed=2)
    synthetic = mm.synthesise(clean, pool, seed=5)
    added = synthetic - clean
    for j in range(50):
        assert min(np.abs(added[:, [j]] - pool).max(axis=0)) < 1e-12
    assert len({tuple(np.round(c, 9)) for c in added.T}) <= 3
    np.testing.assert_array_equal(mm.synthesise(clean, pool, seed=5), synthetic)


def test_synthesise_errors():
    with pytest.raises(ValueError, match=r"noise_pool must have shape \(n_x, P\)"):
        mm.synthesise(np.zeros((32, 5)), np.zeros((16, 3)))
    with pytest.raises(ValueError, match="at least one noise clip"):
        mm.synthesise(np.zeros((32, 5)), np.zeros((32, 0)))


# --- splits --------------------------------------------------------------------------------


def test_split_composition_lecture_numbers():
    option_2 = mm.split_composition(200_000, 10_000, 2_500, 2_500, 2)
    assert option_2 == {
        "train": {"web": 200_000, "app": 5_000},
        "dev": {"web": 0, "app": 2_500},
        "test": {"web": 0, "app": 2_500},
    }
    option_1 = mm.split_composition(200_000, 10_000, 2_500, 2_500, 1)
    assert option_1["dev"] == option_1["test"] == {"web": 2_381, "app": 119}
    assert option_1["train"] == {"web": 195_238, "app": 9_762}


@given(
    m_web=st.integers(0, 10**6),
    m_app=st.integers(0, 10**5),
    dev=st.integers(0, 5000),
    test=st.integers(0, 5000),
    option=st.sampled_from([1, 2]),
)
def test_split_composition_keeps_every_example(m_web, m_app, dev, test, option):
    fits = dev + test <= (m_web + m_app if option == 1 else m_app)
    if not fits:
        with pytest.raises(ValueError, match="do not fit"):
            mm.split_composition(m_web, m_app, dev, test, option)
        return
    parts = mm.split_composition(m_web, m_app, dev, test, option)
    assert sum(p["web"] for p in parts.values()) == m_web
    assert sum(p["app"] for p in parts.values()) == m_app
    assert sum(parts["dev"].values()) == dev and sum(parts["test"].values()) == test
    assert all(v >= 0 for p in parts.values() for v in p.values())


def test_split_composition_errors():
    with pytest.raises(ValueError, match="option must be 1"):
        mm.split_composition(10, 10, 2, 2, 3)
    with pytest.raises(ValueError, match="option 2 takes dev and test from the app data"):
        mm.split_composition(1000, 10, 6, 6, 2)
    with pytest.raises(ValueError, match="m_web must be an integer"):
        mm.split_composition(-1, 10, 2, 2, 1)


def test_split_sources_is_a_random_split_with_the_expected_composition():
    option_1 = mm.split_sources(200_000, 10_000, 2_500, 2_500, 1, seed=0)
    counts = {name: mm.composition(flags) for name, flags in option_1.items()}
    assert sum(c["app"] for c in counts.values()) == 10_000
    assert abs(counts["dev"]["app"] - 119) < 4 * np.sqrt(119)  # binomial spread
    assert len(option_1["train"]) == 205_000
    option_2 = mm.split_sources(200_000, 10_000, 2_500, 2_500, 2, seed=0)
    assert mm.composition(option_2["train"]) == {"web": 200_000, "app": 5_000}
    assert mm.composition(option_2["dev"]) == {"web": 0, "app": 2_500}
    again = mm.split_sources(200_000, 10_000, 2_500, 2_500, 1, seed=0)
    np.testing.assert_array_equal(again["dev"], option_1["dev"])


def test_draw_clips_makes_clean_web_and_noisy_app_clips():
    flags = np.array([0, 1, 1, 0, 1] * 40)
    X, Y, S = mm.draw_clips(flags, 2.0, seed=3)
    assert X.shape == (mm.N_X, 200) and Y.shape == (1, 200) and S.shape == (1, 200)
    np.testing.assert_array_equal(S[0], flags)
    energy = mm.rumble_energy(X)[0]
    assert energy[flags == 1].mean() > 5 * energy[flags == 0].mean()
    with pytest.raises(ValueError, match="only WEB"):
        mm.draw_clips(np.array([0, 2]))


def test_make_sets_option_2_with_a_training_dev_set(small_sets):
    sets = small_sets
    assert list(sets) == ["train", "train-dev", "dev", "test"]
    assert sets["train"].m + sets["train-dev"].m == SMALL["m_web"] + SMALL["m_app_train"]
    assert sets["train-dev"].m == SMALL["m_train_dev"]
    assert mm.composition(sets["dev"]) == {"web": 0, "app": SMALL["m_dev"]}
    assert mm.composition(sets["test"]) == {"web": 0, "app": SMALL["m_test"]}
    # train and train-dev share no example, and hold the same mixture
    seen = {c.tobytes() for c in sets["train"].X.T}
    assert not any(c.tobytes() in seen for c in sets["train-dev"].X.T)
    assert mm.composition(sets["train"])["app"] + mm.composition(sets["train-dev"])["app"] == 60
    for part in sets.values():
        assert part.X.shape == (mm.N_X, part.m) and part.Y.shape == part.source.shape == (1, part.m)


def test_make_sets_with_a_noise_pool_adds_synthetic_copies():
    pool = mm.car_noise(10, 1.5, seed=4)
    sets = mm.make_sets(**SMALL, shift=1.5, seed=0, noise_pool=pool)
    total = {k: 0 for k in ("web", "app", "synthetic")}
    for name in ("train", "train-dev"):
        for key, value in mm.composition(sets[name]).items():
            total[key] += value
    assert total == {"web": 1500, "app": 60, "synthetic": 1500}
    synthetic = sets["train"].only(mm.SYNTHETIC)
    assert (
        mm.rumble_energy(synthetic.X).mean()
        > 5 * mm.rumble_energy(sets["train"].only(mm.WEB).X).mean()
    )


def test_make_sets_errors():
    with pytest.raises(ValueError, match="leaves nothing to train on"):
        mm.make_sets(10, 0, 5, 5, 10)
    with pytest.raises(ValueError, match="m_dev must be an integer >= 1"):
        mm.make_sets(10, 0, 0, 5, 2)


def test_part_only_and_composition():
    part = mm.Part(np.arange(8.0).reshape(2, 4), np.array([[0, 1, 0, 1]]), np.array([[0, 1, 1, 0]]))
    app = part.only(mm.APP)
    np.testing.assert_array_equal(app.X, [[1, 2], [5, 6]])
    assert app.m == 2 and mm.composition(part) == {"web": 2, "app": 2}
    assert mm.composition(np.array([0, 2, 2])) == {"web": 1, "app": 0, "synthetic": 2}


# --- training and the error levels ----------------------------------------------------------


def test_train_network_folds_the_normalisation_into_layer_1(small_sets):
    train = small_sets["train"]
    X_norm, _, _ = normalize_inputs(train.X, epsilon=1e-8)
    plain = models.train_classifier(X_norm, train.Y, (8,), 50, 0.5, seed=2)
    folded = mm.train_network(train.X, train.Y, (8,), 50, seed=2)
    np.testing.assert_allclose(
        models.predict_proba(train.X, folded), models.predict_proba(X_norm, plain), atol=1e-10
    )
    np.testing.assert_array_equal(folded["W2"], plain["W2"])


def test_train_network_learns_web_clips_and_fails_on_app_clips(model, small_sets):
    errors = mm.measure_errors(model, small_sets)
    assert set(errors) == {"train", "train-dev", "dev", "test"}
    assert errors["train"] < 0.03 and errors["train-dev"] < 0.05
    assert errors["dev"] > errors["train-dev"] + 0.08  # data mismatch
    filtered = mm.measure_errors(model, small_sets, transform=mm.rumble_filter)
    assert filtered != errors  # the transform reaches the network's input


@pytest.mark.parametrize(
    "levels, expected, largest",
    [
        ((0.0, 0.01, 0.09, 0.10, 0.10), (0.01, 0.08, 0.01, 0.0), mm.VARIANCE),
        ((0.0, 0.01, 0.015, 0.10, 0.10), (0.01, 0.005, 0.085, 0.0), mm.DATA_MISMATCH),
        ((0.0, 0.10, 0.11, 0.12, 0.12), (0.10, 0.01, 0.01, 0.0), mm.AVOIDABLE_BIAS),
        ((0.0, 0.10, 0.11, 0.20, 0.20), (0.10, 0.01, 0.09, 0.0), mm.AVOIDABLE_BIAS),
        ((0.04, 0.07, 0.10, 0.12, 0.12), (0.03, 0.03, 0.02, 0.0), None),
        ((0.04, 0.07, 0.12, 0.06, 0.06), (0.03, 0.05, -0.06, 0.0), mm.VARIANCE),
        ((0.01, 0.02, 0.025, 0.03, 0.09), (0.01, 0.005, 0.005, 0.06), mm.DEV_OVERFITTING),
    ],
)
def test_diagnose_gaps_lecture_cases(levels, expected, largest):
    gaps, name = mm.diagnose_gaps(*levels)
    assert list(gaps) == list(mm.GAP_NAMES)
    assert list(gaps.values()) == pytest.approx(expected)
    if largest is not None:
        assert name == largest
    assert gaps[name] == max(gaps.values())


def test_diagnose_gaps_ties_and_missing_test():
    gaps, largest = mm.diagnose_gaps(0.0, 0.25, 0.5, 0.5, 0.5)  # exact tie in binary
    assert gaps[mm.AVOIDABLE_BIAS] == gaps[mm.VARIANCE] == 0.25 and largest == mm.AVOIDABLE_BIAS
    gaps, largest = mm.diagnose_gaps(0.0, 0.01, 0.02, 0.2)
    assert mm.DEV_OVERFITTING not in gaps and largest == mm.DATA_MISMATCH
    assert mm.error_gaps(0.01, 0.02, 0.03, 0.04) == pytest.approx(
        {mm.AVOIDABLE_BIAS: 0.01, mm.VARIANCE: 0.01, mm.DATA_MISMATCH: 0.01}
    )


@pytest.mark.parametrize(
    "bad", [(0, 10, 11, 12, 12), (0, 0.1, -0.1, 0.2, 0.2), (None, 0.1, 0.1, 0.1)]
)
def test_diagnose_gaps_rejects_percentages_and_nonsense(bad):
    with pytest.raises(ValueError, match=r"error rate in \[0, 1\]"):
        mm.diagnose_gaps(*bad)


def test_dev_overfitting_is_optimistic_on_a_small_dev_set(model, small_sets):
    result = mm.dev_overfitting(model, small_sets["dev"], small_sets["test"], m_small=30, seed=1)
    assert set(result) == {"dev", "test", "gap", "optimistic"}
    assert result["gap"] == pytest.approx(result["test"] - result["dev"])
    assert result["gap"] > 0.01 and result["optimistic"] > 0.5
    # one threshold and the whole dev set: nothing is chosen, the gap is plain dev vs test
    dev, test = small_sets["dev"], small_sets["test"]
    plain = mm.dev_overfitting(model, dev, test, m_small=dev.m, thresholds=[0.5], repeats=1)
    errors = mm.measure_errors(model, {"dev": dev, "test": test})
    assert plain["dev"] == pytest.approx(errors["dev"]) and plain["test"] == pytest.approx(
        errors["test"]
    )
    with pytest.raises(ValueError, match="larger than the dev set"):
        mm.dev_overfitting(model, dev, test, m_small=dev.m + 1)


def test_two_distribution_errors_and_table(model, small_sets):
    cells = mm.two_distribution_errors(model, small_sets)
    assert set(cells) == {"general", "target"}
    for column in cells.values():
        assert set(column) == {"trained on", "not trained on"}
        assert all(0 <= v <= 1 for v in column.values())
    assert cells["target"]["not trained on"] > cells["general"]["not trained on"] + 0.05
    web_train = small_sets["train"].only(mm.WEB)
    assert cells["general"]["trained on"] == models.error_rate(web_train.X, web_train.Y, model)
    table = mm.two_distribution_table(0.01, 0.05, cells)
    assert isinstance(table, Table) and len(table.rows) == 3 and len(table.columns) == 3
    assert table.column("")[0] == "human level" and table.rows[0][1:] == ["1.0 %", "5.0 %"]
    assert "<table>" in table._repr_html_()
    with pytest.raises(ValueError, match="'train-dev' is missing"):
        mm.two_distribution_errors(model, {"train": small_sets["train"]})


# --- error analysis --------------------------------------------------------------------------


def test_rumble_filter_removes_slow_and_keeps_fast_components():
    t = np.arange(mm.N_X) / mm.N_X
    slow, fast = np.cos(2 * np.pi * 2 * t), np.sin(2 * np.pi * 9 * t)
    X = np.stack([slow, fast, slow + fast], axis=1)
    filtered = mm.rumble_filter(X)
    np.testing.assert_allclose(filtered[:, 0], 0, atol=1e-12)
    np.testing.assert_allclose(filtered[:, 1], fast, atol=1e-12)
    np.testing.assert_allclose(filtered[:, 2], fast, atol=1e-12)
    with pytest.raises(ValueError, match=r"\(n_x, m\)"):
        mm.rumble_filter(slow)


def test_power_spectrum_and_rumble_energy_known_values():
    constant = np.full((mm.N_X, 3), 2.0)
    spectrum = mm.power_spectrum(constant)
    assert spectrum.shape == (mm.N_X // 2 + 1,)
    assert spectrum[0] == pytest.approx(4.0 * mm.N_X) and np.allclose(spectrum[1:], 0)
    energy = mm.rumble_energy(constant)
    assert energy.shape == (1, 3) and np.allclose(energy, 4.0 * mm.N_X)
    with pytest.raises(ValueError, match="no examples"):
        mm.power_spectrum(np.zeros((mm.N_X, 0)))


def test_error_analysis_finds_the_rumble(model, small_sets):
    report = mm.error_analysis(model, small_sets)
    web_energy = mm.rumble_energy(small_sets["train"].only(mm.WEB).X)
    assert report["threshold"] == pytest.approx(np.percentile(web_energy, 99))
    assert report["dev"]["clips"] == 600 and report["dev"]["errors"] > 50
    assert report["dev"]["loud clips"] > 0.9 and report["dev"]["loud errors"] > 0.9
    assert report["train-dev"]["loud clips"] < 0.15
    with pytest.raises(ValueError, match="give a threshold"):
        mm.error_analysis(model, {"dev": small_sets["dev"]})
    assert (
        mm.error_analysis(model, {"dev": small_sets["dev"]}, threshold=1e9)["dev"]["loud clips"]
        == 0
    )


def test_mismatch_experiment_gap_opens_with_the_shift():
    runs = {s: mm.mismatch_experiment(s, **SMALL, num_iterations=300, seed=0) for s in (0.0, 2.0)}
    gap = {s: r["gaps"][mm.DATA_MISMATCH] for s, r in runs.items()}
    assert gap[2.0] > gap[0.0] + 0.1 and runs[2.0]["largest"] == mm.DATA_MISMATCH
    assert abs(runs[2.0]["errors"]["train"] - runs[0.0]["errors"]["train"]) < 0.03
    assert runs[2.0]["human_target"] == mm.human_level_error(2.0)
    assert runs[0.0]["human"] == pytest.approx(mm.human_level_error(0.0))
    assert set(runs[0.0]) >= {"sets", "parameters", "errors", "gaps", "largest", "cells"}


def test_plot_error_levels_draws_bars_and_named_gaps():
    fig, ax = plt.subplots()
    errors = {"train": 0.07, "train-dev": 0.10, "dev": 0.12, "test": 0.12}
    bars = mm.plot_error_levels(ax, 0.04, errors, human_target=0.06, top=30)
    assert [round(b.get_height(), 6) for b in bars] == [4.0, 7.0, 10.0, 12.0, 12.0]
    texts = " ".join(t.get_text() for t in ax.texts)
    for label in ("avoidable\nbias\n+3.0", "variance\n+3.0", "mismatch\n+2.0", "overfitting\n+0.0"):
        assert label in texts
    assert ax.get_ylim() == (0, 30)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["human level (app clips)"]
    assert all(t.get_fontsize() >= 8 for t in ax.texts)  # readable at the lesson's scale
    # every label stays inside the axes (the old right-hand label ran past the dashboard)
    assert all(t.get_position()[0] < ax.get_xlim()[1] for t in ax.texts)


# --- the exercise check ----------------------------------------------------------------------


def _learner(human, train, train_dev, dev, test):
    levels = [human, train, train_dev, dev, test]
    names = ["avoidable bias", "variance", "data mismatch", "overfitting to the dev set"]
    gaps = {n: b - a for n, a, b in zip(names, levels, levels[1:])}
    return gaps, max(gaps, key=gaps.get)


def _mismatch_from_train(human, train, train_dev, dev, test):
    gaps, _ = _learner(human, train, train_dev, dev, test)
    gaps["data mismatch"] = dev - train
    return gaps, max(gaps, key=gaps.get)


def _returns_the_value(human, train, train_dev, dev, test):
    gaps, _ = _learner(human, train, train_dev, dev, test)
    return gaps, max(gaps.values())


def test_check_diagnose_gaps():
    assert check_diagnose_gaps(mm.diagnose_gaps).passed
    assert check_diagnose_gaps(_learner).passed
    result = check_diagnose_gaps(_mismatch_from_train)
    assert not result.passed and "gaps['data mismatch']" in result.message
    assert "dev - train_dev" in result.message  # the hint
    result = check_diagnose_gaps(_returns_the_value)
    assert not result.passed and "NAME" in result.message


def test_check_diagnose_gaps_stub_and_wrong_keys():
    def stub(human, train, train_dev, dev, test):
        raise NotImplementedError

    assert check_diagnose_gaps(stub).status == "not attempted"

    def short_keys(human, train, train_dev, dev, test):
        gaps = {"bias": train - human, "variance": train_dev - train}
        return gaps, "bias"

    result = check_diagnose_gaps(short_keys)
    assert not result.passed and "missing the key" in result.message
