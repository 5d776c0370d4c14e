/** Case "canvas2d-now-30": the game's Renderer under the game menu's 30 fps cap. */
import { runRealRenderer } from './real-renderer';

runRealRenderer(30);
