/** Case "canvas2d-now": the game's Renderer as it is, every display frame. */
import { runRealRenderer } from './real-renderer';

runRealRenderer();
