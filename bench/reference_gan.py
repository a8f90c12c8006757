#!/usr/bin/python3
"""The same GAN as ganscope's trainer (1-D or 2-D mixtures), in PyTorch (Debian's python3-torch), for side-by-side
throughput. Reads a ganscope config (JSON from `ganscope --dump-config`) so both run one model:
same MLPs, batch, k, optimiser, loss and remedies (weight clipping, gradient penalty, R1,
PacGAN packing, minibatch stddev, first-order unrolled D). Prints JSON with steps_per_second."""
import copy
import argparse
import json
import math
import sys
import time

import torch
import torch.nn.functional as F


def mlp(cfg, inputs, outputs):
    layers, width = cfg["hidden_layers"], cfg["width"]
    act = {"relu": torch.nn.ReLU, "leaky_relu": lambda: torch.nn.LeakyReLU(0.2),
           "tanh": torch.nn.Tanh}[cfg["activation"]]
    mods, inp = [], inputs
    for _ in range(layers):
        mods += [torch.nn.Linear(inp, width), act()]
        inp = width
    mods.append(torch.nn.Linear(inp, outputs))
    return torch.nn.Sequential(*mods)


def curve(fn, t0, t1, count):
    t = torch.linspace(t0, t1, count, dtype=torch.float64)
    x, y = fn(t)
    return torch.stack([x, y], 1).float()


def centres(data):
    """Mode centres of the mixture, as ganscope's GaussianMixture builds them."""
    kind, r = data["kind"], data["radius"]
    if kind == "gaussian":
        return torch.tensor([[data["mean"]]])
    if kind == "bimodal":
        half = data["separation"] / 2
        return torch.tensor([[data["mean"] - half], [data["mean"] + half]])
    if kind == "ring":
        angles = torch.arange(data["modes"]) * 2 * math.pi / data["modes"]
        return r * torch.stack([angles.cos(), angles.sin()], 1)
    if kind == "grid":
        side = torch.arange(data["grid_size"]) - (data["grid_size"] - 1) / 2
        ys, xs = torch.meshgrid(side, side, indexing="ij")
        return data["spacing"] * torch.stack([xs.flatten(), ys.flatten()], 1)
    if kind == "gaussian_2d":
        return torch.tensor([[data["mean"], data["mean"]]])
    if kind == "line":
        return curve(lambda t: (t, t), -r, r, 256)
    if kind == "moons":
        return torch.cat([curve(lambda t: (r * (t.cos() - 0.5), r * (t.sin() - 0.25)), 0, math.pi, 128),
                          curve(lambda t: (r * (0.5 - t.cos()), r * (0.25 - t.sin())), 0, math.pi, 128)])
    if kind == "spiral":
        return curve(lambda t: (r * t * (4 * math.pi * t).cos(), r * t * (4 * math.pi * t).sin()), 0.1, 1.0, 256)
    if kind == "points":
        return torch.tensor(data["points"], dtype=torch.float32)
    sys.exit(f"reference_gan.py: data kind {kind!r} is not implemented here")


def optimizer(params, cfg):
    if cfg["kind"] == "adam":
        return torch.optim.Adam(params, lr=cfg["lr"], betas=(cfg["beta1"], cfg["beta2"]))
    if cfg["kind"] == "rmsprop":
        return torch.optim.RMSprop(params, lr=cfg["lr"], alpha=cfg["alpha"])
    return torch.optim.SGD(params, lr=cfg["lr"], momentum=cfg["momentum"])


def d_loss_of(loss, real, fake, real_label):
    """D's loss on raw outputs, as core/losses.cpp defines it."""
    if loss in ("minimax", "non_saturating"):
        return F.binary_cross_entropy_with_logits(real, torch.full_like(real, real_label)) + \
            F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake))
    if loss in ("wgan_clip", "wgan_gp"):
        return fake.mean() - real.mean()
    if loss == "lsgan":
        return 0.5 * ((real - real_label) ** 2).mean() + 0.5 * (fake ** 2).mean()
    return F.relu(1 - real).mean() + F.relu(1 + fake).mean()  # hinge


def g_loss_of(loss, fake):
    if loss == "non_saturating":
        return F.binary_cross_entropy_with_logits(fake, torch.ones_like(fake))
    if loss == "minimax":
        return -F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake))
    if loss == "lsgan":
        return 0.5 * ((fake - 1) ** 2).mean()
    return -fake.mean()


def slope_penalty(D, rows, target):
    rows = rows.detach().requires_grad_(True)
    slope, = torch.autograd.grad(D(rows).sum(), rows, create_graph=True)
    if target == 0:
        return slope.pow(2).sum(1).mean()
    return (slope.norm(2, dim=1) - target).pow(2).mean()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", help="config JSON file, or - for stdin")
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    cfg = json.load(sys.stdin if args.config == "-" else open(args.config))
    torch.set_num_threads(args.threads)
    torch.manual_seed(cfg["seed"])
    hyper, data, latent = cfg["hyper"], cfg["data"], cfg["latent"]
    modes = centres(data)
    dims = modes.shape[1]
    disc = cfg["discriminator"]
    pack, stddev_feature = disc.get("pack", 1), disc.get("minibatch_stddev", False)
    G = mlp(cfg["generator"], latent["dim"], dims)
    D = mlp(disc, dims * pack + (1 if stddev_feature else 0), 1)
    opt_g, opt_d = optimizer(G.parameters(), hyper["g_opt"]), optimizer(D.parameters(), hyper["d_opt"])
    b, k, loss = hyper["batch_size"], hyper["d_steps"], hyper["loss"]
    group = b * pack

    def sample_real():
        return modes[torch.randint(0, len(modes), (group,))] + torch.randn(group, dims) * data["std"]

    def sample_z():
        if latent["kind"] == "uniform":
            return torch.rand(group, latent["dim"])
        return torch.randn(group, latent["dim"])

    steps_done = [0]

    def noisy(samples):
        """Instance noise on what D sees, annealed linearly as in ganscope."""
        std = hyper["instance_noise"]
        if hyper["noise_anneal_steps"] > 0:
            std *= max(0.0, 1 - steps_done[0] / hyper["noise_anneal_steps"])
        return samples + torch.randn_like(samples) * std if std > 0 else samples

    def rows(samples):
        packed = samples.reshape(b, dims * pack)
        if not stddev_feature:
            return packed
        spread = (samples.var(0, unbiased=False) + 1e-8).sqrt().mean()
        return torch.cat([packed, spread.expand(b, 1)], 1)

    def d_step():
        with torch.no_grad():
            fake_samples = G(sample_z())
        real, fake = rows(noisy(sample_real())), rows(noisy(fake_samples))
        loss_d = d_loss_of(loss, D(real), D(fake), hyper["real_label"])
        if loss == "wgan_gp" and hyper["gp_lambda"] > 0:
            between = fake + (real - fake) * torch.rand(b, 1)
            loss_d = loss_d + hyper["gp_lambda"] * slope_penalty(D, between, 1)
        if hyper["r1_gamma"] > 0:
            loss_d = loss_d + hyper["r1_gamma"] / 2 * slope_penalty(D, real, 0)
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        if loss == "wgan_clip":
            with torch.no_grad():
                for p in D.parameters():
                    p.clamp_(-hyper["clip"], hyper["clip"])
        return loss_d

    def g_step():
        loss_g = g_loss_of(loss, D(rows(noisy(G(sample_z())))))
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        return loss_g

    def step():
        for _ in range(k):
            loss_d = d_step()
        if hyper["unrolled_steps"] > 0:  # first order: look ahead, update G, take D back
            saved = copy.deepcopy(D.state_dict()), copy.deepcopy(opt_d.state_dict())
            for _ in range(hyper["unrolled_steps"]):
                d_step()
            loss_g = g_step()
            D.load_state_dict(saved[0])
            opt_d.load_state_dict(saved[1])
        else:
            loss_g = g_step()
        steps_done[0] += 1
        return loss_d.item(), loss_g.item()

    for _ in range(50):  # warm-up
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        losses = step()
    seconds = time.perf_counter() - start
    print(json.dumps({"steps": args.steps, "seconds": seconds,
                      "steps_per_second": args.steps / seconds, "torch": torch.__version__,
                      "d_loss": losses[0], "g_loss": losses[1]}))


if __name__ == "__main__":
    main()
