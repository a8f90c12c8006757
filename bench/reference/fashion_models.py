#!/usr/bin/python3
"""PyTorch twins of ganscope's image models (core/models/mlp_gan.cpp, core/models/dcgan.cpp), layer for
layer, for side-by-side throughput (fashion_steps.py). Flat rows in and out, raw logits from D."""
import torch
from torch import nn

PIXELS = 28 * 28


class MlpGanGenerator(nn.Module):
    """The source material's G: z -> 128 -> 256 -> 512 -> 1024 -> 784. BatchNorm1d(out, 0.8) as the
    source writes it: the 0.8 is eps (momentum stays 0.1)."""

    def __init__(self, latent_dim=100):
        super().__init__()

        def block(i, o, normalize=True):
            layers = [nn.Linear(i, o)]
            if normalize:
                layers.append(nn.BatchNorm1d(o, 0.8))
            layers.append(nn.LeakyReLU(0.2))
            return layers

        self.model = nn.Sequential(*block(latent_dim, 128, normalize=False), *block(128, 256),
                                   *block(256, 512), *block(512, 1024), nn.Linear(1024, PIXELS),
                                   nn.Tanh())

    def forward(self, z):
        return self.model(z)


class MlpGanDiscriminator(nn.Module):
    """The source material's D without its Sigmoid (the loss applies it): in -> 512 -> 256 -> 1."""

    def __init__(self, in_features=PIXELS):
        super().__init__()
        self.model = nn.Sequential(nn.Linear(in_features, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256),
                                   nn.LeakyReLU(0.2), nn.Linear(256, 1))

    def forward(self, x):
        return self.model(x)


def dcgan_init(module):
    """DCGAN's init: conv and linear weights N(0, 0.02), BatchNorm scales N(1, 0.02), biases 0."""
    for m in module.modules():
        if isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)


class DcganGenerator(nn.Module):
    """z -> Linear -> [2w, 7, 7] -> BN, ReLU -> ConvT(2w, w) -> BN, ReLU -> ConvT(w, 1) -> Tanh -> 784."""

    def __init__(self, latent_dim=100, width=64):
        super().__init__()
        self.width = width
        self.project = nn.Linear(latent_dim, 2 * width * 49, bias=False)
        self.project_norm = nn.BatchNorm2d(2 * width)
        self.up1 = nn.ConvTranspose2d(2 * width, width, 4, 2, 1, bias=False)
        self.up1_norm = nn.BatchNorm2d(width)
        self.up2 = nn.ConvTranspose2d(width, 1, 4, 2, 1)
        dcgan_init(self)

    def forward(self, z):
        x = self.project(z).view(-1, 2 * self.width, 7, 7)
        x = torch.relu(self.project_norm(x))
        x = torch.relu(self.up1_norm(self.up1(x)))
        return torch.tanh(self.up2(x)).view(-1, PIXELS)


class DcganDiscriminator(nn.Module):
    """Rows [n, 784 * pack (+1)] -> [n, pack (+1), 28, 28] -> Conv(c, w), LReLU -> Conv(w, 2w), BN,
    LReLU -> Linear(2w * 49, 1)."""

    def __init__(self, width=64, pack=1, stddev_feature=False):
        super().__init__()
        self.pack, self.stddev_feature = pack, stddev_feature
        self.down1 = nn.Conv2d(pack + int(stddev_feature), width, 4, 2, 1)
        self.down2 = nn.Conv2d(width, 2 * width, 4, 2, 1, bias=False)
        self.down2_norm = nn.BatchNorm2d(2 * width)
        self.score = nn.Linear(2 * width * 49, 1)
        dcgan_init(self)

    def forward(self, x):
        n, pixels = x.shape[0], PIXELS * self.pack
        images = x[:, :pixels].reshape(n, self.pack, 28, 28)
        if self.stddev_feature:
            images = torch.cat([images, x[:, pixels:].reshape(n, 1, 1, 1).expand(n, 1, 28, 28)], 1)
        h = nn.functional.leaky_relu(self.down1(images), 0.2)
        h = nn.functional.leaky_relu(self.down2_norm(self.down2(h)), 0.2)
        return self.score(h.flatten(1))


def parameter_count(module):
    return sum(p.numel() for p in module.parameters())


if __name__ == "__main__":
    import json
    print(json.dumps({
        "mlp_gan_generator": parameter_count(MlpGanGenerator()),
        "mlp_gan_discriminator": parameter_count(MlpGanDiscriminator()),
        "dcgan_generator_w64": parameter_count(DcganGenerator()),
        "dcgan_discriminator_w64": parameter_count(DcganDiscriminator()),
    }))
