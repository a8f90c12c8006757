#!/usr/bin/python3
"""Times training steps of the image models' PyTorch twins (fashion_models.py) as ganscope's autograd
engine takes them: D on a real batch and G(z) under no_grad (two forward passes), then G on a fresh z;
non-saturating BCE on logits, Adam 2e-4 betas (0.5, 0.999), batch 64, real images random in [-1, 1].
Prints one JSON object per thread setting with steps_per_second (wall clock) and cpu_ms_per_step (the
process's CPU time, all its threads: less sensitive to other processes on a shared machine).

  fashion_steps.py --model mlp_gan                 # every thread setting, each in its own process
  fashion_steps.py --model dcgan --width 32 --d-width 16 --setting threads=1   # one setting, this process
"""
import argparse
import json
import os
import subprocess
import sys
import time

# PyTorch's default (no call), LibTorch's intra-op threads, and OpenBLAS's own pool (its size is read
# from the environment when the library loads, so each setting runs in a fresh process).
SETTINGS = {
    "default": {},
    "threads=1": {"threads": 1},
    "threads=2": {"threads": 2},
    "threads=1,openblas=1": {"threads": 1, "env": {"OPENBLAS_NUM_THREADS": "1"}},
    "threads=2,openblas=1": {"threads": 2, "env": {"OPENBLAS_NUM_THREADS": "1"}},
    "threads=1,openblas=1,omp=1": {"threads": 1,
                                   "env": {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}},
}


def models(args):
    import fashion_models as fm
    if args.model == "mlp_gan":
        return fm.MlpGanGenerator(args.latent), fm.MlpGanDiscriminator()
    return fm.DcganGenerator(args.latent, args.width), fm.DcganDiscriminator(args.d_width or args.width)


def run_one(args):
    import torch
    import torch.nn.functional as F
    setting = SETTINGS[args.setting]
    if "threads" in setting:
        torch.set_num_threads(setting["threads"])
    torch.manual_seed(1)
    g, d = models(args)
    g_opt = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    real = torch.rand(args.batch, 28 * 28) * 2 - 1
    ones, zeros = torch.ones(args.batch, 1), torch.zeros(args.batch, 1)

    def step():
        with torch.no_grad():
            fake = g(torch.randn(args.batch, args.latent))
        d_opt.zero_grad()
        d_loss = F.binary_cross_entropy_with_logits(d(real), ones) + \
            F.binary_cross_entropy_with_logits(d(fake), zeros)
        d_loss.backward()
        d_opt.step()
        g_opt.zero_grad()
        g_loss = F.binary_cross_entropy_with_logits(d(g(torch.randn(args.batch, args.latent))), ones)
        g_loss.backward()
        g_opt.step()

    for _ in range(args.warmup):
        step()
    steps, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < args.seconds:
        step()
        steps += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"impl": "pytorch", "model": args.model, "g_width": args.width if args.model == "dcgan"
                      else None, "d_width": (args.d_width or args.width) if args.model == "dcgan" else None, "batch": args.batch, "setting": args.setting,
                      "torch_threads": torch.get_num_threads(), "steps": steps,
                      "steps_per_second": round(steps / elapsed, 2),
                      "cpu_ms_per_step": round(1000 * cpu / steps, 2)}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["mlp_gan", "dcgan"], required=True)
    parser.add_argument("--width", type=int, default=64, help="dcgan: w of G (and of D without --d-width)")
    parser.add_argument("--d-width", type=int, help="dcgan: w of D")
    parser.add_argument("--latent", type=int, default=100)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=5.0, help="timed seconds per setting")
    parser.add_argument("--warmup", type=int, default=5, help="untimed steps first")
    parser.add_argument("--setting", choices=list(SETTINGS), help="one setting in this process")
    args = parser.parse_args()
    if args.setting:
        run_one(args)
        return
    for name, setting in SETTINGS.items():
        env = dict(os.environ, **setting.get("env", {}))
        command = [sys.executable, __file__, "--setting", name] + sys.argv[1:]
        subprocess.run(command, env=env, check=True, cwd=os.path.dirname(os.path.abspath(__file__)))


if __name__ == "__main__":
    main()
