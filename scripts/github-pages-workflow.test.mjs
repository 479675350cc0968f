// The GitHub Pages workflow a cluster copies (docs/hosting/github-pages.yml), run here:
// its own `run:` steps, read from the YAML, in order, with bash as GitHub runs them
// (`bash --noprofile --norc -eo pipefail`), in a temporary copy of a cluster's data
// repository. Stand-ins only for what needs GitHub or the network:
//   - actions/checkout: the temporary folder already holds the data repository;
//   - curl: a stand-in on PATH answers the two release downloads from files made here by
//     scripts/release-assets.sh (any other address fails, as a 404 would with --fail);
//   - the release's dist/: a small stand-in build (index.html, sw.js, staff/, data/), since
//     `make test` runs this before its own build;
//   - actions/configure-pages, upload-pages-artifact and deploy-pages: not run; the test
//     checks the folder the upload step names instead.
// The `vitrina` tool is the real one (crates/vitrina-cli, built here; VITRINA_CLI=path
// tests another binary, such as a released one).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORKFLOW = join(repo, "docs/hosting/github-pages.yml");
const RELEASE = "https://github.com/example/vitrina/releases/download/v0.0.0-test";
/** The actions the workflow may use; each is stood in for as the header says. */
const KNOWN_ACTIONS = ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"];

/** The workflow's one job and its steps, as GitHub reads them. */
function readWorkflow() {
  const workflow = parse(readFileSync(WORKFLOW, "utf8"));
  const jobs = Object.values(workflow.jobs ?? {});
  assert.equal(jobs.length, 1, "the workflow has one job");
  return { workflow, job: jobs[0] };
}

let builtVitrina = null;
/** The `vitrina` binary of crates/vitrina-cli (built once if needed), or $VITRINA_CLI. */
function vitrinaBinary() {
  if (process.env.VITRINA_CLI) return resolve(process.env.VITRINA_CLI);
  builtVitrina ??= buildVitrina();
  return builtVitrina;
}

function buildVitrina() {
  const output = execFileSync("cargo", ["build", "--quiet", "-p", "vitrina-cli", "--bin", "vitrina", "--message-format=json"], {
    cwd: repo,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line);
    if (message.reason === "compiler-artifact" && message.executable && /vitrina-cli/.test(message.package_id)) {
      return message.executable;
    }
  }
  throw new Error("cargo built no `vitrina` executable for the package vitrina-cli");
}

/** A stand-in for curl that serves "$VITRINA_RELEASE/<file>" from `assets` and fails for anything else. */
function writeCurlStandIn(bin, assets) {
  mkdirSync(bin, { recursive: true });
  const script = `#!/usr/bin/env bash
# Stand-in for curl (scripts/github-pages-workflow.test.mjs): no network in tests.
out="" url=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    -o|--output) out="$2"; shift 2 ;;
    --retry) shift 2 ;;
    -*) shift ;;
    *) url="$1"; shift ;;
  esac
done
echo "$url" >> "${join(assets, "requested.txt")}"
case "$url" in
  "${RELEASE}"/*) file="${assets}/\${url#"${RELEASE}/"}" ;;
  *) echo "curl: (22) The requested URL returned error: 404 ($url)" >&2; exit 22 ;;
esac
[ -f "$file" ] || { echo "curl: (22) The requested URL returned error: 404 ($url)" >&2; exit 22; }
if [ -n "$out" ]; then cp "$file" "$out"; else cat "$file"; fi
`;
  writeFileSync(join(bin, "curl"), script);
  chmodSync(join(bin, "curl"), 0o755);
}

/** A small finished build: what a release's dist/ holds, as far as publishing cares. */
function writeStandInDist(dist) {
  mkdirSync(join(dist, "staff"), { recursive: true });
  mkdirSync(join(dist, "data"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Vitrina</title>\n");
  writeFileSync(join(dist, "sw.js"), "// the offline worker\n");
  writeFileSync(join(dist, "staff", "index.html"), "<!doctype html><title>Vitrina: personal</title>\n");
  writeFileSync(join(dist, "data", "directory.json"), '{"format": 1, "note": "the release\'s sample"}\n');
}

/**
 * Lays out a cluster's data repository with `directory` as its data/directory.json and the
 * release's files, then runs the workflow's `run:` steps in order until one fails, as
 * GitHub does. Returns the steps' results and the folders.
 */
function runWorkflow(directory, { env: extraEnv = {} } = {}) {
  const { job } = readWorkflow();
  const root = mkdtempSync(join(tmpdir(), "vitrina-pages-"));
  const workspace = join(root, "data-repo");
  const assets = join(root, "release");
  const bin = join(root, "bin");
  mkdirSync(join(workspace, "data"), { recursive: true });
  writeFileSync(join(workspace, "data", "directory.json"), directory);
  writeStandInDist(join(root, "dist"));
  execFileSync(join(repo, "scripts/release-assets.sh"), [join(root, "dist"), vitrinaBinary(), assets], { stdio: "ignore" });
  writeCurlStandIn(bin, assets);

  // The job's env as GitHub would fill it: the one repository variable is the release's address.
  const jobEnv = {};
  for (const [name, value] of Object.entries(job.env ?? {})) {
    const text = String(value);
    if (text === "${{ vars.VITRINA_RELEASE }}") jobEnv[name] = RELEASE;
    else if (text.includes("${{")) throw new Error(`the test does not know how to fill ${name}: ${text}`);
    else jobEnv[name] = text;
  }
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(root, "runner-temp"),
    ...jobEnv,
    ...extraEnv,
  };
  mkdirSync(env.RUNNER_TEMP, { recursive: true });

  const results = [];
  for (const step of job.steps) {
    if (step.uses) {
      const action = step.uses.split("@")[0];
      assert.ok(KNOWN_ACTIONS.includes(action), `a step uses ${step.uses}, which this test does not stand in for`);
      results.push({ step, skipped: true });
      continue;
    }
    assert.equal(step.shell ?? job.defaults?.run?.shell ?? "bash", "bash");
    const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
      cwd: workspace,
      env: { ...env, ...(step.env ?? {}) },
      encoding: "utf8",
    });
    results.push({ step, status: run.status, stdout: run.stdout, stderr: run.stderr });
    if (run.status !== 0) break;
  }
  const uploadStep = job.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact"));
  assert.ok(uploadStep?.with?.path, "the workflow uploads a folder to GitHub Pages");
  const site = join(workspace, uploadStep.with.path);
  const requested = existsSync(join(assets, "requested.txt")) ? readFileSync(join(assets, "requested.txt"), "utf8").trim().split("\n") : [];
  return { root, workspace, site, results, requested };
}

const SAMPLE = readFileSync(join(repo, "data/directory.json"), "utf8");
const workflowDefaults = readWorkflow();

test("the workflow's defaults: bash, on pushes of the directory to main, and by hand", () => {
  const { workflow } = workflowDefaults;
  assert.equal(workflow.defaults.run.shell, "bash");
  assert.deepEqual(workflow.on.push.branches, ["main"]);
  assert.ok(workflow.on.push.paths.includes("data/directory.json"));
  assert.ok("workflow_dispatch" in workflow.on);
  assert.equal(workflow.permissions.pages, "write");
});

test("a clean directory: downloads the release, passes the check and leaves the site to deploy", () => {
  const { root, site, results, requested } = runWorkflow(SAMPLE);
  try {
    const failed = results.find((result) => !result.skipped && result.status !== 0);
    assert.equal(failed, undefined, `step "${failed?.step.name}" failed:\n${failed?.stdout}\n${failed?.stderr}`);
    assert.ok(results.some((result) => !result.skipped && /vitrina check/.test(result.step.run)), "a step runs vitrina check");
    assert.deepEqual(requested.sort(), [`${RELEASE}/vitrina-dist.tar.gz`, `${RELEASE}/vitrina-x86_64-linux.tar.gz`]);
    assert.ok(existsSync(join(site, "index.html")), "the site has index.html");
    assert.ok(existsSync(join(site, "sw.js")), "the site has sw.js");
    assert.ok(existsSync(join(site, "staff", "index.html")), "the site has the staff page");
    // The cluster's own file, not the sample the release carries.
    assert.equal(readFileSync(join(site, "data", "directory.json"), "utf8"), SAMPLE);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The result of the step that runs `vitrina check`, and what ran after it. */
function checkStep(results) {
  const index = results.findIndex((result) => !result.skipped && /vitrina check/.test(result.step.run));
  assert.notEqual(index, -1, "the check step ran");
  return { check: results[index], after: results.slice(index + 1) };
}

test("a directory with problems stops the workflow at the check, with the problem in the log", () => {
  const directory = JSON.parse(SAMPLE);
  directory.members[0].website = "javascript:alert(1)";
  const { root, site, results } = runWorkflow(JSON.stringify(directory, null, 2));
  try {
    const { check, after } = checkStep(results);
    assert.equal(check.status, 1, `vitrina check exits 1 on problems:\n${check.stdout}\n${check.stderr}`);
    assert.match(`${check.stdout}${check.stderr}`, /javascript:alert\(1\)/);
    assert.deepEqual(after, [], "nothing runs after a failed check");
    assert.equal(existsSync(site), false, "no site is put together");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a file that is not a directory stops the workflow at the check too", () => {
  const { root, site, results } = runWorkflow("<!doctype html><title>404</title>");
  try {
    const { check, after } = checkStep(results);
    assert.equal(check.status, 2, `vitrina check exits 2 on an unusable file:\n${check.stdout}\n${check.stderr}`);
    assert.deepEqual(after, []);
    assert.equal(existsSync(site), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("without the VITRINA_RELEASE variable the download step says what is missing", () => {
  const { root, results, requested } = runWorkflow(SAMPLE, { env: { VITRINA_RELEASE: "" } });
  try {
    const [first] = results.filter((result) => !result.skipped);
    assert.notEqual(first.status, 0);
    assert.match(first.stdout, /VITRINA_RELEASE/);
    assert.equal(results.filter((result) => !result.skipped).length, 1, "nothing runs after it");
    assert.deepEqual(requested, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
