/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS).
 *
 * Why Newton and not gradient descent: a rule file has tens of rules, so the
 * (p+1)×(p+1) Hessian is tiny and one Newton step costs one pass over the
 * data plus a small Cholesky solve. Newton converges in a handful of steps
 * with no learning rate to tune, the L2 term keeps the Hessian positive
 * definite (so a rule that perfectly separates the data cannot send a weight
 * to infinity), and the inverse Hessian at the optimum gives each weight a
 * standard error, which `tune` uses to decide whether the data clearly
 * reverses a rule's sign. Step halving on the penalised log-likelihood keeps
 * every step an improvement. Pure, browser-safe, deterministic.
 */

export interface LogisticFit {
  readonly intercept: number;
  /** One weight per feature column. */
  readonly weights: number[];
  /** Approximate standard errors of the weights (from the penalised Hessian). */
  readonly standardErrors: number[];
  readonly iterations: number;
  readonly converged: boolean;
}

export interface FitOptions {
  /** L2 penalty λ in −loglik + λ/2·Σw² (the intercept is not penalised). Default 1. */
  readonly l2?: number;
  readonly maxIterations?: number;
}

/** Fits P(y) = σ(b + Σ w_j x_j). `x[i]` is row i; every row has the same length. */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  options: FitOptions = {},
): LogisticFit {
  const lambda = options.l2 ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const n = x.length;
  const p = n === 0 ? 0 : x[0]!.length;
  const d = p + 1; // index 0 is the intercept
  const theta = new Array<number>(d).fill(0);
  let positives = 0;
  for (const v of y) if (v) positives++;
  // Start the intercept at the base rate's log-odds (clamped), which speeds convergence.
  const base = (positives + 0.5) / (n + 1);
  theta[0] = Math.log(base / (1 - base));

  const objective = (t: readonly number[]): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = linear(t, x[i]!);
      // log(1 + e^z) − y·z, computed stably
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (y[i] ? z : 0);
    }
    let penalty = 0;
    for (let j = 1; j < d; j++) penalty += t[j]! * t[j]!;
    return loss + (lambda / 2) * penalty;
  };

  let current = objective(theta);
  let iterations = 0;
  let converged = false;
  let hessian: number[][] = [];
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(d).fill(0);
    hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const row = x[i]!;
      const prob = sigmoid(linear(theta, row));
      const residual = prob - (y[i] ? 1 : 0);
      const w = prob * (1 - prob);
      gradient[0]! += residual;
      hessian[0]![0]! += w;
      for (let a = 0; a < p; a++) {
        const xa = row[a]!;
        if (xa === 0) continue;
        gradient[a + 1]! += residual * xa;
        hessian[0]![a + 1]! += w * xa;
        for (let b = a; b < p; b++) {
          const xb = row[b]!;
          if (xb !== 0) hessian[a + 1]![b + 1]! += w * xa * xb;
        }
      }
    }
    for (let j = 1; j < d; j++) {
      gradient[j]! += lambda * theta[j]!;
      hessian[j]![j]! += lambda;
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    const step = solve(hessian, gradient);
    let scale = 1;
    let next = theta;
    let value = current;
    for (let halvings = 0; halvings < 30; halvings++) {
      next = theta.map((t, j) => t - scale * step[j]!);
      value = objective(next);
      if (value <= current + 1e-12) break;
      scale /= 2;
    }
    const change = Math.max(...step.map((s) => Math.abs(s * scale)));
    for (let j = 0; j < d; j++) theta[j] = next[j]!;
    const improvement = current - value;
    current = value;
    if (change < 1e-8 || improvement < 1e-10 * Math.max(1, Math.abs(current))) {
      converged = true;
      iterations++;
      break;
    }
  }
  const standardErrors: number[] = [];
  if (hessian.length === d) {
    for (let j = 1; j < d; j++) {
      const unit = new Array<number>(d).fill(0);
      unit[j] = 1;
      const column = solve(hessian, unit);
      standardErrors.push(Math.sqrt(Math.max(0, column[j]!)));
    }
  } else for (let j = 1; j < d; j++) standardErrors.push(0);
  return { intercept: theta[0]!, weights: theta.slice(1), standardErrors, iterations, converged };
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function linear(theta: readonly number[], row: readonly number[]): number {
  let z = theta[0]!;
  for (let j = 0; j < row.length; j++) z += theta[j + 1]! * row[j]!;
  return z;
}

/** Solves A·v = b for a symmetric positive definite A by Cholesky (with a tiny ridge if needed). */
export function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const d = b.length;
  for (let jitter = 0; jitter < 8; jitter++) {
    const ridge = jitter === 0 ? 0 : 1e-10 * 10 ** jitter;
    const l = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    let ok = true;
    for (let i = 0; i < d && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = a[i]![j]! + (i === j ? ridge : 0);
        for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
        if (i === j) {
          if (!(sum > 0)) ok = false;
          else l[i]![i] = Math.sqrt(sum);
        } else l[i]![j] = sum / l[j]![j]!;
      }
    }
    if (!ok) continue;
    const z = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) {
      let sum = b[i]!;
      for (let k = 0; k < i; k++) sum -= l[i]![k]! * z[k]!;
      z[i] = sum / l[i]![i]!;
    }
    const v = new Array<number>(d).fill(0);
    for (let i = d - 1; i >= 0; i--) {
      let sum = z[i]!;
      for (let k = i + 1; k < d; k++) sum -= l[k]![i]! * v[k]!;
      v[i] = sum / l[i]![i]!;
    }
    return v;
  }
  return new Array<number>(d).fill(0);
}
